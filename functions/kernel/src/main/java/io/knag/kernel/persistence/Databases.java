package io.knag.kernel.persistence;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.postgresql.PostgresqlConnectionFactoryProvider;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import io.r2dbc.spi.Option;
import io.r2dbc.spi.ValidationDepth;
import java.time.Duration;
import java.util.List;
import reactor.core.publisher.Mono;

/** The one way a host gets its connection pool: the schemas migrated first (when asked), no connection made yet. */
public final class Databases {

    private Databases() {
    }

    /**
     * No extension codecs (hstore, PostGIS, pgvector): Knag uses none, and looking for them costs every new
     * connection a catalogue query and a service-loader scan of the class path (found with bench/startup). A URL
     * that names the option keeps its own value.
     */
    private static final Option<Boolean> AUTODETECT_EXTENSIONS = Option.valueOf("autodetectExtensions");

    private static final PostgresqlConnectionFactoryProvider POSTGRESQL = new PostgresqlConnectionFactoryProvider();
    private static final String NOT_POSTGRESQL = "the database URL must be a valid r2dbc:postgresql://host:port/database URL";

    /** The PostgreSQL named by an {@code r2dbc:postgresql://} URL, with the given credentials (either may be null). */
    public static ConnectionFactory connect(String r2dbcUrl, String username, String password) {
        ConnectionFactoryOptions parsed;
        try {
            // r2dbc:pool:postgresql:// names the same database: the pool is open()'s.
            parsed = ConnectionFactoryOptions.parse(r2dbcUrl.replaceFirst("^r2dbc(s?):pool:", "r2dbc$1:"));
        } catch (IllegalArgumentException malformed) { // its message repeats the URL, password included
            throw new IllegalArgumentException(NOT_POSTGRESQL);
        }
        var options = parsed.mutate();
        if (!parsed.hasOption(AUTODETECT_EXTENSIONS)) {
            options.option(AUTODETECT_EXTENSIONS, false);
        }
        if (username != null) {
            options.option(ConnectionFactoryOptions.USER, username);
        }
        if (password != null) {
            options.option(ConnectionFactoryOptions.PASSWORD, password);
        }
        ConnectionFactoryOptions built = options.build();
        // The PostgreSQL driver directly, not through ConnectionFactories' service-loader scan of every jar on the
        // class path: Knag speaks only PostgreSQL. (Also keeps a URL that does not parse out of the error.)
        if (!POSTGRESQL.supports(built)) {
            throw new IllegalArgumentException(NOT_POSTGRESQL);
        }
        return POSTGRESQL.create(built);
    }

    /** Whether the database answers: one connection from {@code connections}, validated by a round trip, closed. */
    public static Mono<Boolean> answers(ConnectionFactory connections) {
        return Mono.usingWhen(connections.create(), connection -> Mono.from(connection.validate(ValidationDepth.REMOTE)),
                Connection::close);
    }

    /**
     * Migrates {@code migrations} over JDBC when {@code migrate}, then pools {@code target}. The pool opens no
     * connection until one is asked for (the Knative host asks for one beside its start-up).
     */
    public static ConnectionPool open(ConnectionFactory target, String jdbcUrl, String username, String password,
                                      boolean migrate, List<SchemaMigration> migrations, int maxConnections) {
        if (migrate) {
            DatabaseMigrator.migrate(jdbcUrl, username, password, migrations);
        }
        return new ConnectionPool(ConnectionPoolConfiguration.builder(target)
                .initialSize(0)
                .maxSize(maxConnections)
                .maxIdleTime(Duration.ofMinutes(5))
                .maxAcquireTime(Duration.ofSeconds(10))
                .build());
    }
}
