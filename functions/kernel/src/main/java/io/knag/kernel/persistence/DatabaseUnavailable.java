package io.knag.kernel.persistence;

import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcTimeoutException;
import io.r2dbc.spi.R2dbcTransientResourceException;
import io.knag.kernel.KnagException;
import io.knag.kernel.ProblemType;
import java.time.Duration;
import java.util.List;
import org.springframework.dao.DataAccessResourceFailureException;

/**
 * A database that cannot be reached or dropped its connection is the service being unavailable for a moment
 * ({@code 503 database-unavailable} with {@code Retry-After}), not a server error: the caller may retry, and
 * nothing was committed that the answer does not say.
 */
public final class DatabaseUnavailable {

    public static final ProblemType TYPE =
            new ProblemType("database-unavailable", "The database is not answering; retry shortly", 503);
    public static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private DatabaseUnavailable() {
    }

    /** The problem to answer when {@code error}'s cause chain says the database is not there, else null. */
    public static KnagException problem(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof R2dbcNonTransientResourceException || t instanceof R2dbcTransientResourceException
                    || t instanceof R2dbcTimeoutException || t instanceof DataAccessResourceFailureException
                    || t.getClass().getName().equals("reactor.pool.PoolAcquireTimeoutException")) {
                return new KnagException(TYPE, "The database did not answer; retry in a few seconds", List.of(), RETRY_AFTER);
            }
        }
        return null;
    }
}
