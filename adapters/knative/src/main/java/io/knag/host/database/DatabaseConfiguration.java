package io.knag.host.database;

import io.knag.kernel.persistence.Databases;
import io.knag.kernel.persistence.SchemaMigration;
import io.r2dbc.pool.ConnectionPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.scheduler.Schedulers;

/** The one connection pool of this host: to the configured PostgreSQL, or to the embedded one it starts. */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

    @Bean(destroyMethod = "dispose")
    ConnectionPool connectionFactory(DatabaseProperties properties,
                                     ObjectProvider<EmbeddedDatabaseConfiguration.EmbeddedDatabase> embedded,
                                     ObjectProvider<SchemaMigration> migrations) {
        DatabaseTarget target = properties.embedded() ? embedded.getIfAvailable(() -> {
            throw new IllegalStateException("knag.database.url (KNAG_DATABASE_URL) is required: this artifact carries no "
                    + "embedded PostgreSQL");
        }).target() : new DatabaseTarget(properties.jdbcUrl(), properties.username(), properties.password(),
                Databases.connect(properties.url(), properties.username(), properties.password()));
        ConnectionPool pool = Databases.open(target.connections(), target.jdbcUrl(), target.username(),
                target.password(), properties.migrate(), migrations.orderedStream().toList(), properties.maxConnections());
        openFirstConnection(pool);
        return pool;
    }

    /**
     * Opens the first connection beside the rest of start-up, so that the first request (each function reads the
     * database) finds the driver set up and a connection open rather than waiting for the connect and the
     * authentication. Measured by bench/startup: about 80 ms sooner on Java 17; with the AOT cache only once it ran
     * off the main thread (setting up the driver and its event loop there cost start-up about 35 ms).
     * A database that does not answer yet only costs a warning: requests open their own connections.
     */
    static void openFirstConnection(ConnectionPool pool) {
        Databases.answers(pool)
                // On its own thread: setting up the driver's event loop and connecting is not start-up's work.
                .subscribeOn(Schedulers.boundedElastic())
                .subscribe(valid -> { }, error -> {
                    if (!pool.isDisposed()) { // not when the host stopped before the connection opened
                        log.warn("database: the first connection failed ({})", error.getClass().getSimpleName());
                    }
                });
    }
}
