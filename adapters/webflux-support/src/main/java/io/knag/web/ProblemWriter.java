package io.knag.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.knag.kernel.KnagException;
import io.knag.kernel.ProblemType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Writes an RFC 9457 problem+json answer: {@code type}, {@code title}, {@code status}, {@code detail},
 * {@code instance} and, for validation failures, {@code violations}; with {@code Retry-After} when given,
 * {@code WWW-Authenticate} on 401 and {@code Cache-Control: no-store}. Shared by every WebFlux edge.
 */
public final class ProblemWriter {

    private final ObjectMapper json;

    public ProblemWriter(ObjectMapper json) {
        this.json = json;
    }

    public Mono<Void> write(ServerWebExchange exchange, KnagException problem) {
        return write(exchange, problem.type(), problem.detail(), problem.violations(), problem.retryAfter().orElse(null));
    }

    public Mono<Void> write(ServerWebExchange exchange, ProblemType type, String detail,
                            List<KnagException.Violation> violations, Duration retryAfter) {
        var response = exchange.getResponse();
        HttpHeaders headers = response.getHeaders();
        response.setStatusCode(HttpStatus.valueOf(type.status()));
        headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        headers.setCacheControl("no-store");
        if (retryAfter != null) {
            headers.set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, (retryAfter.toMillis() + 999) / 1000)));
        }
        if (type.status() == 401) {
            headers.set(HttpHeaders.WWW_AUTHENTICATE,
                    type.equals(ProblemType.INVALID_TOKEN) ? "Bearer error=\"invalid_token\"" : "Bearer");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type.uri());
        body.put("title", type.title());
        body.put("status", type.status());
        body.put("detail", detail);
        body.put("instance", exchange.getRequest().getPath().value());
        if (!violations.isEmpty()) {
            body.put("violations", violations);
        }
        byte[] bytes;
        try {
            bytes = json.writeValueAsBytes(body);
        } catch (Exception e) {
            bytes = ("{\"type\":\"" + ProblemType.INTERNAL_ERROR.uri() + "\",\"status\":500}").getBytes(StandardCharsets.UTF_8);
        }
        return response.writeWith(Mono.just(response.bufferFactory().wrap(bytes)));
    }

    /** The first {@code type} in {@code error}'s cause chain, or null. */
    public static <T extends Throwable> T find(Throwable error, Class<T> type) {
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
