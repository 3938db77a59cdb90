package io.knag.host.database;

import io.knag.kernel.persistence.Databases;
import io.knag.kernel.persistence.SchemaMigration;
import io.r2dbc.pool.ConnectionPool;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one connection pool of this host: to the configured PostgreSQL, or to the embedded one it starts. */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    @Bean(destroyMethod = "dispose")
    ConnectionPool connectionFactory(DatabaseProperties properties,
                                     ObjectProvider<EmbeddedDatabaseConfiguration.EmbeddedDatabase> embedded,
                                     ObjectProvider<SchemaMigration> migrations) {
        DatabaseTarget target = properties.embedded() ? embedded.getIfAvailable(() -> {
            throw new IllegalStateException("knag.database.url (KNAG_DATABASE_URL) is required: this artifact carries no "
                    + "embedded PostgreSQL");
        }).target() : new DatabaseTarget(properties.jdbcUrl(), properties.username(), properties.password(),
                Databases.connect(properties.url(), properties.username(), properties.password()));
        return Databases.open(target.connections(), target.jdbcUrl(), target.username(), target.password(),
                properties.migrate(), migrations.orderedStream().toList(), properties.maxConnections());
    }
}
