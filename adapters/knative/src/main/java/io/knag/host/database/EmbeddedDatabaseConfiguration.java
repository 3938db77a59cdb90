package io.knag.host.database;

import io.knag.embedded.postgres.EmbeddedPostgres;
import io.r2dbc.postgresql.PostgresqlConnectionConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded PostgreSQL of the embedded default: started when no {@code knag.database.url} is set and this
 * artifact carries it (the function-group artifacts for a cluster do not).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = "io.knag.embedded.postgres.EmbeddedPostgres")
@ConditionalOnExpression("'${knag.database.url:}' == ''")
class EmbeddedDatabaseConfiguration {

    static final String DATABASE = "knag";

    /** Closing it stops PostgreSQL: Spring's shutdown hook does, after everything using the database stopped. */
    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedDatabase(DatabaseProperties properties) {
        EmbeddedPostgres server = EmbeddedPostgres.start(properties.dataDir().resolve("postgres"),
                properties.embeddedPort(), properties.embeddedPassword());
        server.createDatabase(DATABASE);
        server.stopOnlyWhenClosed();
        return server;
    }

    @Bean
    DatabaseTarget embeddedDatabaseTarget(EmbeddedPostgres server) {
        return new DatabaseTarget(server.jdbcUrl(DATABASE), EmbeddedPostgres.SUPERUSER, server.password(),
                new PostgresqlConnectionFactory(PostgresqlConnectionConfiguration.builder().host("127.0.0.1")
                        .port(server.port()).database(DATABASE).username(EmbeddedPostgres.SUPERUSER)
                        .password(server.password()).build()));
    }
}
