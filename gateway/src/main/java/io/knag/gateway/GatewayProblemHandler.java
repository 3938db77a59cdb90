package io.knag.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.knag.kernel.KnagException;
import io.knag.kernel.ProblemType;
import java.net.ConnectException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/** The gateway's own failures as RFC 9457 problem+json; nothing internal in the body. */
@Component
@Order(-2)
class GatewayProblemHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(GatewayProblemHandler.class);

    private final ObjectMapper json;

    GatewayProblemHandler(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        String path = exchange.getRequest().getPath().value();
        KnagException known = find(error, KnagException.class);
        ProblemType type;
        String detail;
        if (known != null) {
            type = known.type();
            detail = known.detail();
            known.retryAfter().ifPresent(after -> exchange.getResponse().getHeaders()
                    .set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, after.toSeconds()))));
        } else if (find(error, ConnectException.class) != null
                || error instanceof ResponseStatusException s && s.getStatusCode().value() == 504) {
            type = GatewayProblems.UPSTREAM_UNAVAILABLE;
            detail = "Retry in a moment";
        } else if (error instanceof ResponseStatusException s && s.getStatusCode().value() == 404) {
            type = ProblemType.NOT_FOUND;
            detail = "There is nothing at " + path;
        } else if (error instanceof ResponseStatusException s && s.getStatusCode().value() == 413) {
            type = GatewayProblems.PAYLOAD_TOO_LARGE;
            detail = "The request body is larger than the gateway accepts";
        } else {
            String id = UUID.randomUUID().toString();
            log.error("unexpected error {} on {}", id, path, error);
            type = ProblemType.INTERNAL_ERROR;
            detail = "Quote error id " + id + " when reporting this";
        }
        return write(exchange, type, detail, path);
    }

    Mono<Void> write(ServerWebExchange exchange, ProblemType type, String detail, String path) {
        var response = exchange.getResponse();
        response.setStatusCode(HttpStatus.valueOf(type.status()));
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.getHeaders().setCacheControl("no-store");
        if (type.status() == 401) {
            response.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, type == ProblemType.INVALID_TOKEN
                    ? "Bearer error=\"invalid_token\"" : "Bearer");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type.uri());
        body.put("title", type.title());
        body.put("status", type.status());
        body.put("detail", detail);
        body.put("instance", path);
        byte[] bytes;
        try {
            bytes = json.writeValueAsBytes(body);
        } catch (Exception e) {
            bytes = "{\"status\":500}".getBytes();
        }
        return response.writeWith(Mono.just(response.bufferFactory().wrap(bytes)));
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
