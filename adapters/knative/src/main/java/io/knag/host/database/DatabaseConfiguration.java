package io.knag.host.database;

import io.knag.embedded.postgres.EmbeddedPostgres;
import io.knag.kernel.persistence.DatabaseMigrator;
import io.knag.kernel.persistence.SchemaMigration;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one connection pool of this host: to the configured PostgreSQL, or to the embedded one it starts. */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    static final String EMBEDDED_DATABASE = "knag";

    @Bean(destroyMethod = "close")
    EmbeddedDatabase embeddedDatabase(DatabaseProperties properties) {
        if (!properties.embedded()) {
            return EmbeddedDatabase.NONE;
        }
        EmbeddedPostgres server = EmbeddedPostgres.start(properties.dataDir().resolve("postgres"),
                properties.embeddedPort(), properties.embeddedPassword());
        server.createDatabase(EMBEDDED_DATABASE);
        // Spring's own shutdown hook closes this bean after everything that uses the database has stopped.
        server.stopOnlyWhenClosed();
        return new EmbeddedDatabase(server);
    }

    @Bean(destroyMethod = "dispose")
    ConnectionPool connectionFactory(DatabaseProperties properties, EmbeddedDatabase embedded,
                                     ObjectProvider<SchemaMigration> migrations) {
        if (properties.migrate()) {
            List<SchemaMigration> all = migrations.orderedStream().toList();
            if (embedded.server() != null) {
                DatabaseMigrator.migrate(embedded.server().jdbcUrl(EMBEDDED_DATABASE), EmbeddedPostgres.SUPERUSER,
                        embedded.server().password(), all);
            } else {
                DatabaseMigrator.migrate(properties.jdbcUrl(), properties.username(), properties.password(), all);
            }
        }
        ConnectionFactory target = embedded.server() != null
                ? new PostgresqlConnectionFactory(PostgresqlConnectionConfiguration.builder().host("127.0.0.1")
                        .port(embedded.server().port()).database(EMBEDDED_DATABASE)
                        .username(EmbeddedPostgres.SUPERUSER).password(embedded.server().password()).build())
                : ConnectionFactories.get(credentials(properties));
        // No connection at start-up: the first request opens one (warming the pool in parallel with start-up
        // measured slower on 2 cores, see bench/README.md).
        return new ConnectionPool(ConnectionPoolConfiguration.builder(target)
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

    /** The embedded server, when this host runs one; closing it stops PostgreSQL. */
    record EmbeddedDatabase(EmbeddedPostgres server) implements AutoCloseable {
        static final EmbeddedDatabase NONE = new EmbeddedDatabase(null);

        @Override
        public void close() {
            if (server != null) {
                server.close();
            }
        }
    }
}
