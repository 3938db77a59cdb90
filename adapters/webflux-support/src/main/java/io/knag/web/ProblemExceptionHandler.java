package io.knag.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.knag.kernel.KnagException;
import io.knag.kernel.ProblemType;
import io.knag.kernel.persistence.DatabaseUnavailable;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * The one place where an edge's failures become HTTP answers: a {@link KnagException} anywhere in the cause
 * chain is answered as it is; the edge maps its own framework failures in {@link #edgeProblem}; a database that
 * is not there is a 503 with {@code Retry-After} ({@link DatabaseUnavailable}); anything
 * else is a bare 500 with an error id to quote, its message logged and never returned.
 */
public abstract class ProblemExceptionHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);

    private final ProblemWriter problems;

    protected ProblemExceptionHandler(ObjectMapper json) {
        this.problems = new ProblemWriter(json);
    }

    /** This edge's answer for a failure it knows, or null. */
    protected abstract KnagException edgeProblem(Throwable error, String path);

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        if (Callers.gone(exchange)) { // nobody to answer, and no server error
            log.debug("the caller hung up on {} ({})", exchange.getRequest().getPath().value(),
                    error.getClass().getSimpleName());
            return Mono.empty();
        }
        String path = exchange.getRequest().getPath().value();
        KnagException problem = ProblemWriter.find(error, KnagException.class);
        if (problem == null) {
            problem = edgeProblem(error, path);
        }
        if (problem == null) {
            problem = DatabaseUnavailable.problem(error);
            if (problem != null) {
                log.warn("the database did not answer on {} ({})", path, error.getClass().getSimpleName());
            }
        }
        if (problem == null) {
            String errorId = UUID.randomUUID().toString();
            log.error("unexpected error {} on {}", errorId, path, error);
            problem = problem(ProblemType.INTERNAL_ERROR, "Quote error id " + errorId + " when reporting this");
        }
        return problems.write(exchange, problem);
    }

    protected static KnagException problem(ProblemType type, String detail) {
        return new KnagException(type, detail, List.of(), null);
    }
}
