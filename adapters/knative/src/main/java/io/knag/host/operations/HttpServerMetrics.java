package io.knag.host.operations;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import reactor.core.publisher.Mono;

/**
 * Times every request as {@code http.server.requests} with actuator's tags (method, uri, status, outcome,
 * exception), from its arrival to the moment its response is committed. {@code uri} is the matched route
 * pattern ({@code /api/v1/credentials/{id}}), never the raw path, and unknown methods count as {@code OTHER}:
 * a caller cannot make meters without bound.
 */
final class HttpServerMetrics implements WebFilter, Ordered {

    private static final String ERROR = HttpServerMetrics.class.getName() + ".error";
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE");

    private final MeterRegistry registry;

    HttpServerMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long start = System.nanoTime();
        exchange.getResponse().beforeCommit(() -> {
            record(exchange, System.nanoTime() - start);
            return Mono.empty();
        });
        return chain.filter(exchange)
                .doOnError(error -> exchange.getAttributes().put(ERROR, error.getClass().getSimpleName()));
    }

    private void record(ServerWebExchange exchange, long nanos) {
        HttpStatusCode code = exchange.getResponse().getStatusCode();
        int status = code == null ? 200 : code.value();
        String method = exchange.getRequest().getMethod().name();
        Timer.builder("http.server.requests")
                .tag("method", METHODS.contains(method) ? method : "OTHER")
                .tag("uri", uri(exchange, status))
                .tag("status", Integer.toString(status))
                .tag("outcome", outcome(status))
                .tag("exception", exchange.getAttributeOrDefault(ERROR, "none"))
                .register(registry)
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    static String uri(ServerWebExchange exchange, int status) {
        PathPattern pattern = exchange.getAttribute(RouterFunctions.MATCHING_PATTERN_ATTRIBUTE);
        if (pattern != null) {
            return pattern.getPatternString().isEmpty() ? "root" : pattern.getPatternString();
        }
        if (status == 404) {
            return "NOT_FOUND";
        }
        return status / 100 == 3 ? "REDIRECTION" : "UNKNOWN";
    }

    static String outcome(int status) {
        return switch (status / 100) {
            case 1 -> "INFORMATIONAL";
            case 2 -> "SUCCESS";
            case 3 -> "REDIRECTION";
            case 4 -> "CLIENT_ERROR";
            case 5 -> "SERVER_ERROR";
            default -> "UNKNOWN";
        };
    }
}
