package io.knag.host.database;

import io.knag.embedded.postgres.EmbeddedPostgresException;
import io.knag.web.startup.CannotStart;
import io.knag.web.startup.Failures;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/** The embedded PostgreSQL could not start: one line saying which setting or process to change. */
final class EmbeddedDatabaseFailureAnalyzer implements FailureAnalyzer, Ordered {

    private final Environment environment;

    EmbeddedDatabaseFailureAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        EmbeddedPostgresException database = Failures.find(failure, EmbeddedPostgresException.class);
        if (database == null) {
            return null;
        }
        return switch (database.reason()) {
            case PORT_IN_USE -> CannotStart.portInUse(environment, database.port(), "127.0.0.1",
                    "knag.database.embedded-port", failure);
            case DATA_DIRECTORY_IN_USE -> CannotStart.because(environment, database.getMessage(),
                    "stop that process (another ./knag up?) or set KNAG_DATA_DIR to another directory", failure);
            case FAILED -> CannotStart.because(environment, "the embedded PostgreSQL did not start: "
                    + database.getMessage(), "read that log; KNAG_DATABASE_URL names a PostgreSQL server to use instead",
                    failure);
        };
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
