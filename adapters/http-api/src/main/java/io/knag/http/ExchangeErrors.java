package io.knag.http;

import io.knag.kernel.KnagException;
import io.knag.kernel.persistence.DatabaseUnavailable;
import io.knag.paper.domain.ExchangeRejected;
import io.knag.paper.domain.Rejection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;

/**
 * The one place the exchange API's failures become its {@code {"code","msg"}} answers: a rejection with its own
 * code and status, a database outage as {@code -1001} (503, retry), a platform problem (a body too large) with its
 * status and words, an unreadable body as a bad parameter, and anything else as {@code -1000} (500) with only its class logged.
 */
final class ExchangeErrors {

    private static final Logger log = LoggerFactory.getLogger(ExchangeErrors.class);

    private ExchangeErrors() {
    }

    static Mono<ServerResponse> answer(ServerRequest request, HandlerFunction<ServerResponse> next) {
        return Mono.defer(() -> next.handle(request)).onErrorResume(error -> answer(error));
    }

    private static Mono<ServerResponse> answer(Throwable error) {
        if (error instanceof ExchangeRejected rejected) {
            return body(rejected.rejection().status(), rejected.rejection().code(), rejected.getMessage());
        }
        if (DatabaseUnavailable.problem(error) != null) {
            return body(503, -1001, "Internal error; unable to process your request. Please try again.");
        }
        if (error instanceof KnagException problem) {
            int status = problem.type().status();
            return body(status, status < 500 ? Rejection.INVALID_PARAMETER.code() : Rejection.UNKNOWN.code(), problem.detail());
        }
        if (error instanceof ServerWebInputException) {
            return body(400, Rejection.INVALID_PARAMETER.code(), "The request could not be read.");
        }
        log.error("paper exchange request failed: {}", error.getClass().getName());
        return body(500, Rejection.UNKNOWN.code(), "An unknown error occurred while processing the request.");
    }

    private static Mono<ServerResponse> body(int status, int code, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("msg", message);
        return ServerResponse.status(HttpStatus.valueOf(status)).contentType(MediaType.APPLICATION_JSON).bodyValue(body);
    }
}
