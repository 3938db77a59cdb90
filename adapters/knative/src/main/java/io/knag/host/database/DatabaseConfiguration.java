package io.knag.host.database;

import io.knag.kernel.persistence.DatabaseMigrator;
import io.knag.kernel.persistence.SchemaMigration;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactoryOptions;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one connection pool of this host: to the configured PostgreSQL, or to the embedded one it starts. */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    @Bean(destroyMethod = "dispose")
    ConnectionPool connectionFactory(DatabaseProperties properties, ObjectProvider<DatabaseTarget> embedded,
                                     ObjectProvider<SchemaMigration> migrations) {
        DatabaseTarget target = properties.embedded() ? embedded.getIfAvailable(() -> {
            throw new IllegalStateException("knag.database.url (KNAG_DATABASE_URL) is required: this artifact carries no "
                    + "embedded PostgreSQL");
        }) : new DatabaseTarget(properties.jdbcUrl(), properties.username(), properties.password(),
                ConnectionFactories.get(credentials(properties)));
        if (properties.migrate()) {
            DatabaseMigrator.migrate(target.jdbcUrl(), target.username(), target.password(),
                    migrations.orderedStream().toList());
        }
        // No connection at start-up: the first request opens one (warming the pool in parallel with start-up
        // measured slower on 2 cores, see bench/README.md).
        return new ConnectionPool(ConnectionPoolConfiguration.builder(target.connections())
                .initialSize(0)
                .maxSize(properties.maxConnections())
                .maxIdleTime(Duration.ofMinutes(5))
                .maxAcquireTime(Duration.ofSeconds(10))
                .build());
    }

    private static ConnectionFactoryOptions credentials(DatabaseProperties properties) {
        var options = ConnectionFactoryOptions.parse(properties.url()).mutate();
        if (properties.username() != null) {
            options.option(ConnectionFactoryOptions.USER, properties.username());
        }
        if (properties.password() != null) {
            options.option(ConnectionFactoryOptions.PASSWORD, properties.password());
        }
        return options.build();
    }
}
