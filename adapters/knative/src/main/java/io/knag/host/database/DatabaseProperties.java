package io.knag.host.database;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code knag.database.*}: the PostgreSQL server named by {@code url} (r2dbc:postgresql://host:port/db), or,
 * when {@code url} is empty, an embedded PostgreSQL with its data under {@code data-dir}/postgres.
 * {@code embedded-password}: the embedded server's superuser password, set when its data directory is first
 * made ({@code ./knag up} keeps one in the data directory's secrets); without it loopback is trusted.
 * {@code migrate}: apply the schema migrations at start-up (the embedded default; a cluster runs them once,
 * as a job, so cold starts skip them).
 */
@ConfigurationProperties("knag.database")
public record DatabaseProperties(
        String url,
        String username,
        String password,
        @DefaultValue("true") boolean migrate,
        @DefaultValue("./data") Path dataDir,
        @DefaultValue("0") int embeddedPort,
        String embeddedPassword,
        @DefaultValue("10") int maxConnections) {

    public boolean embedded() {
        return url == null || url.isBlank();
    }

    /** The JDBC form of an r2dbc:postgresql URL, for migrations. */
    public String jdbcUrl() {
        return io.knag.kernel.persistence.DatabaseUrls.jdbc(url);
    }

    @Override
    public String toString() {
        return "DatabaseProperties[url=" + (embedded() ? "(embedded)" : jdbcUrl()) + ", migrate=" + migrate
                + ", password=***]";
    }
}
