package io.knag.kernel.testing;

import io.knag.embedded.postgres.EmbeddedPostgres;
import io.knag.kernel.persistence.DatabaseMigrator;
import io.knag.kernel.persistence.Databases;
import io.knag.kernel.persistence.SchemaMigration;
import io.r2dbc.spi.ConnectionFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * A fresh database on a real PostgreSQL for one test class. One embedded server is started per test
 * JVM (in a temporary directory, on a free loopback port); each call gets its own database.
 */
public final class TestDatabase {

    private static EmbeddedPostgres server;

    private final String name;
    private ConnectionFactory connectionFactory;

    private TestDatabase(String name) {
        this.name = name;
    }

    /** A new, empty database with {@code migrations} applied. */
    public static synchronized TestDatabase create(SchemaMigration... migrations) {
        if (server == null) {
            try {
                // Thrown away after the run: fsync off, as a test database may be (the host's own is crash-safe).
                server = EmbeddedPostgres.start(Files.createTempDirectory("knag-test-pg"), 0, null,
                        EmbeddedPostgres.Durability.THROWAWAY);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        String name = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        server.createDatabase(name);
        TestDatabase database = new TestDatabase(name);
        DatabaseMigrator.migrate(database.jdbcUrl(), EmbeddedPostgres.SUPERUSER, "", List.of(migrations));
        return database;
    }

    public String jdbcUrl() {
        return server.jdbcUrl(name);
    }

    public String r2dbcUrl() {
        return "r2dbc:postgresql://" + EmbeddedPostgres.SUPERUSER + "@127.0.0.1:" + server.port() + "/" + name;
    }

    public int port() {
        return server.port();
    }

    public String name() {
        return name;
    }

    /**
     * The one connection factory of this database: everything built on it shares transactions (a
     * transaction is bound to its factory), as the single pool of a real host does.
     */
    public synchronized ConnectionFactory connectionFactory() {
        if (connectionFactory == null) {
            var target = Databases.connect(r2dbcUrl(), null, null);
            // Pooled as in a host (a new PostgreSQL connection costs a backend process); idle connections go
            // soon, since every test makes its own database.
            connectionFactory = new io.r2dbc.pool.ConnectionPool(io.r2dbc.pool.ConnectionPoolConfiguration.builder(target)
                    .initialSize(0).maxSize(6).maxIdleTime(java.time.Duration.ofSeconds(2))
                    .backgroundEvictionInterval(java.time.Duration.ofSeconds(1)).build());
        }
        return connectionFactory;
    }

    /** Runs a query over JDBC and returns every row's columns as text: for assertions on what is stored. */
    public List<List<String>> query(String sql, Object... parameters) {
        try (Connection c = DriverManager.getConnection(jdbcUrl(), EmbeddedPostgres.SUPERUSER, "");
             var statement = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<List<String>> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    List<String> row = new ArrayList<>();
                    for (int i = 1; i <= columns; i++) {
                        row.add(result.getString(i));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs a statement that returns no rows (DDL, triggers): for setting up failures in tests. */
    public void execute(String sql) {
        try (Connection c = DriverManager.getConnection(jdbcUrl(), EmbeddedPostgres.SUPERUSER, "");
             var statement = c.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every row of every table in {@code schema}, as text: to prove what is (and is not) stored. */
    public String dump(String schema) {
        StringBuilder out = new StringBuilder();
        for (List<String> table : query("SELECT table_name FROM information_schema.tables WHERE table_schema = ?", schema)) {
            out.append(table.get(0)).append('\n');
            for (List<String> row : query("SELECT * FROM " + schema + "." + table.get(0))) {
                out.append(String.join(" | ", row)).append('\n');
            }
        }
        return out.toString();
    }
}
