package io.knag.host.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.knag.kernel.KnagException;
import io.knag.kernel.ProblemType;
import io.knag.web.HttpProblems;
import io.knag.web.ProblemWriter;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.stereotype.Component;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.NotAcceptableStatusException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * The one place where the host's failures become HTTP answers: RFC 9457 problem+json with a stable
 * {@code type}. Unexpected errors get a bare 500 with an error id to quote; their message is logged,
 * never returned.
 */
@Component
@Order(-2)
class ProblemHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    private final ProblemWriter problems;

    ProblemHandler(ObjectMapper json) {
        this.problems = new ProblemWriter(json);
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        return problems.write(exchange, toProblem(error, exchange.getRequest().getPath().value()));
    }

    private static KnagException toProblem(Throwable error, String path) {
        KnagException known = ProblemWriter.find(error, KnagException.class);
        if (known != null) {
            return known;
        }
        if (ProblemWriter.find(error, DataBufferLimitException.class) != null
                || error instanceof ResponseStatusException status && status.getStatusCode().value() == 413) {
            return problem(HttpProblems.PAYLOAD_TOO_LARGE, "The request body is larger than this endpoint accepts");
        }
        if (error instanceof UnsupportedMediaTypeStatusException) {
            return problem(HttpProblems.UNSUPPORTED_MEDIA_TYPE, "Send the body as application/json");
        }
        if (error instanceof NotAcceptableStatusException) {
            return problem(HttpProblems.NOT_ACCEPTABLE, "Accept application/json");
        }
        if (error instanceof MethodNotAllowedException) {
            return problem(HttpProblems.METHOD_NOT_ALLOWED, "This method is not allowed on " + path);
        }
        if (error instanceof ServerWebInputException) {
            return problem(ProblemType.MALFORMED_REQUEST, "The body is not JSON of the expected shape");
        }
        if (error instanceof ResponseStatusException status && status.getStatusCode().value() == 404) {
            return problem(ProblemType.NOT_FOUND, "There is nothing at " + path);
        }
        String errorId = UUID.randomUUID().toString();
        log.error("unexpected error {} on {}", errorId, path, error);
        return problem(ProblemType.INTERNAL_ERROR, "Quote error id " + errorId + " when reporting this");
    }

    private static KnagException problem(ProblemType type, String detail) {
        return new KnagException(type, detail, List.of(), null);
    }
}
