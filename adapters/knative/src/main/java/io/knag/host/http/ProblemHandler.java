package io.knag.host.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.knag.kernel.KnagException;
import io.knag.kernel.ProblemType;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
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
 * The one place where failures become HTTP answers: RFC 9457 problem+json with a stable {@code type}.
 * Unexpected errors get a bare 500 with an error id to quote; their message is logged, never returned.
 */
@Component
@Order(-2)
class ProblemHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    private final ObjectMapper json;

    ProblemHandler(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        String path = exchange.getRequest().getPath().value();
        Problem problem = toProblem(error, path);
        var response = exchange.getResponse();
        response.setStatusCode(HttpStatus.valueOf(problem.status()));
        HttpHeaders headers = response.getHeaders();
        headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        headers.setCacheControl("no-store");
        KnagException known = find(error, KnagException.class);
        if (known != null) {
            known.retryAfter().ifPresent(after -> headers.set(HttpHeaders.RETRY_AFTER,
                    Long.toString(Math.max(1, after.toSeconds()))));
        }
        if (problem.status() == 401) {
            headers.set(HttpHeaders.WWW_AUTHENTICATE, problem.type().endsWith("/invalid-token")
                    ? "Bearer error=\"invalid_token\"" : "Bearer");
        }
        byte[] body;
        try {
            body = json.writeValueAsBytes(problem);
        } catch (Exception e) {
            body = "{\"type\":\"https://knag.io/problems/internal-error\",\"status\":500}".getBytes();
        }
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }

    private Problem toProblem(Throwable error, String path) {
        KnagException known = find(error, KnagException.class);
        if (known != null) {
            return Problem.of(known, path);
        }
        if (find(error, DataBufferLimitException.class) != null) {
            return Problem.of(HttpProblems.PAYLOAD_TOO_LARGE, "The request body is larger than this endpoint accepts", path);
        }
        if (error instanceof UnsupportedMediaTypeStatusException) {
            return Problem.of(HttpProblems.UNSUPPORTED_MEDIA_TYPE, "Send the body as application/json", path);
        }
        if (error instanceof NotAcceptableStatusException) {
            return Problem.of(HttpProblems.NOT_ACCEPTABLE, "Accept application/json", path);
        }
        if (error instanceof MethodNotAllowedException) {
            return Problem.of(HttpProblems.METHOD_NOT_ALLOWED, "This method is not allowed on " + path, path);
        }
        if (error instanceof ServerWebInputException) {
            return Problem.of(ProblemType.MALFORMED_REQUEST, "The body is not JSON of the expected shape", path);
        }
        if (error instanceof ResponseStatusException status && status.getStatusCode().value() == 404) {
            return Problem.of(ProblemType.NOT_FOUND, "There is nothing at " + path, path);
        }
        if (error instanceof ResponseStatusException status && status.getStatusCode().value() == 413) {
            return Problem.of(HttpProblems.PAYLOAD_TOO_LARGE, "The request body is larger than this endpoint accepts", path);
        }
        String errorId = UUID.randomUUID().toString();
        log.error("unexpected error {} on {}", errorId, path, error);
        return Problem.of(ProblemType.INTERNAL_ERROR, "Quote error id " + errorId + " when reporting this", path);
    }

    private static <T extends Throwable> T find(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
