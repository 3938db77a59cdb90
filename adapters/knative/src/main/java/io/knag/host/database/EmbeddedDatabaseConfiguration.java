package io.knag.host.database;

import io.knag.embedded.postgres.EmbeddedPostgres;
import io.knag.kernel.persistence.Databases;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded PostgreSQL of the embedded default, in the artifacts that carry it (the function-group artifacts
 * for a cluster do not). Whether it runs is read when the host starts (no {@code knag.database.url}), not decided
 * by a condition: an ahead-of-time (Spring AOT) build would decide a condition once, at build time, and start
 * an embedded server beside the configured one.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = "io.knag.embedded.postgres.EmbeddedPostgres")
class EmbeddedDatabaseConfiguration {

    static final String DATABASE = "knag";

    /** Made at start-up (see LazyStartup); closing it stops PostgreSQL, after everything using the database stopped. */
    @Bean(destroyMethod = "close")
    EmbeddedDatabase embeddedDatabase(DatabaseProperties properties) {
        return properties.embedded() ? new EmbeddedDatabase(start(properties)) : new EmbeddedDatabase(null);
    }

    private static EmbeddedPostgres start(DatabaseProperties properties) {
        EmbeddedPostgres server = EmbeddedPostgres.start(properties.dataDir().resolve("postgres"),
                properties.embeddedPort(), properties.embeddedPassword());
        server.createDatabase(DATABASE);
        server.stopOnlyWhenClosed();
        return server;
    }

    /** The embedded server when this host runs one, else nothing. */
    record EmbeddedDatabase(EmbeddedPostgres server) implements AutoCloseable {

        DatabaseTarget target() {
            if (server == null) {
                throw new IllegalStateException("no embedded PostgreSQL runs: knag.database.url is set");
            }
            return new DatabaseTarget(server.jdbcUrl(DATABASE), EmbeddedPostgres.SUPERUSER, server.password(),
                    Databases.connect("r2dbc:postgresql://127.0.0.1:" + server.port() + "/" + DATABASE,
                            EmbeddedPostgres.SUPERUSER, server.password()));
        }

        @Override
        public void close() {
            if (server != null) {
                server.close();
            }
        }
    }
}
