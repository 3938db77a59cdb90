package io.knag.host.operations;

import io.micrometer.core.instrument.MeterRegistry;
import io.knag.web.Callers;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.http.Outcome;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import reactor.core.publisher.Mono;

/**
 * Times every request as {@code http.server.requests} with actuator's tags (method, uri, status, outcome,
 * exception), from its arrival to the moment its response is committed, or to the moment its caller gave up
 * (outcome {@code UNKNOWN}). {@code uri} is the matched route pattern ({@code /api/v1/credentials/{id}}), never
 * the raw path, and unknown methods count as {@code OTHER}: a caller cannot make meters without bound.
 */
final class HttpServerMetrics implements WebFilter, Ordered {

    private static final Logger log = LoggerFactory.getLogger(HttpServerMetrics.class);
    private static final String ERROR = HttpServerMetrics.class.getName() + ".error";
    private static final List<HttpMethod> METHODS = List.of(HttpMethod.values());

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
        AtomicBoolean recorded = new AtomicBoolean();
        exchange.getResponse().beforeCommit(() -> {
            if (recorded.compareAndSet(false, true)) {
                HttpStatusCode code = exchange.getResponse().getStatusCode();
                int status = code == null ? 200 : code.value();
                record(exchange, Integer.toString(status), Outcome.forStatus(status).name(), uri(exchange, status), start);
            }
            return Mono.empty();
        });
        Runnable callerGaveUp = () -> {
            if (recorded.compareAndSet(false, true)) {
                record(exchange, "UNKNOWN", "UNKNOWN", uri(exchange, 0), start);
            }
        };
        return chain.filter(exchange)
                .doOnError(error -> {
                    exchange.getAttributes().put(ERROR, error.getClass().getSimpleName());
                    if (Callers.gone(exchange)) {
                        callerGaveUp.run();
                    }
                })
                .doOnCancel(callerGaveUp);
    }

    private void record(ServerWebExchange exchange, String status, String outcome, String uri, long start) {
        try {
            HttpMethod method = exchange.getRequest().getMethod();
            Timer.builder("http.server.requests")
                    .tag("method", METHODS.contains(method) ? method.name() : "OTHER")
                    .tag("uri", uri)
                    .tag("status", status)
                    .tag("outcome", outcome)
                    .tag("exception", exchange.getAttributeOrDefault(ERROR, "none"))
                    .register(registry)
                    .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        } catch (RuntimeException metricsFailed) {
            // A meter that cannot be recorded must not fail the response it measures.
            log.warn("http metrics: a request was not recorded ({})", metricsFailed.getClass().getSimpleName());
        }
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
}
