package io.knag.gateway;

import io.knag.kernel.KnagException;
import io.knag.kernel.ProblemType;
import java.time.Duration;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsProcessor;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.cors.reactive.DefaultCorsProcessor;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Browsers may call the API from the web UI's origins only ({@code knag.gateway.cors-origins}); bearer tokens,
 * so no cookies are allowed. Spring's CORS processor decides; a refused origin is a 403 {@code origin-not-allowed}
 * problem like every other refusal (Spring's own filter answers it with an empty body).
 */
class BrowserOrigins implements WebFilter {

    static final ProblemType ORIGIN_NOT_ALLOWED =
            new ProblemType("origin-not-allowed", "Pages of this origin may not call the API", 403);

    private final CorsConfiguration cors = new CorsConfiguration();
    private final CorsProcessor processor = new DefaultCorsProcessor();

    BrowserOrigins(List<String> origins) {
        cors.setAllowedOrigins(origins);
        cors.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE"));
        cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "traceparent"));
        cors.setExposedHeaders(List.of("Location", "Retry-After", "RateLimit-Limit", "RateLimit-Remaining",
                "RateLimit-Reset", "X-Request-Id"));
        cors.setAllowCredentials(false);
        cors.setMaxAge(Duration.ofHours(1));
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!CorsUtils.isCorsRequest(exchange.getRequest())) {
            return chain.filter(exchange);
        }
        if (!processor.process(cors, exchange)) {
            return Mono.error(new KnagException(ORIGIN_NOT_ALLOWED, "Only the web application's own pages may call "
                    + "the API from a browser"));
        }
        if (CorsUtils.isPreFlightRequest(exchange.getRequest())) {
            return Mono.empty();
        }
        // The processor wrote the answer's CORS headers now; a proxied or cached answer brings headers of its own,
        // so they are written again as the answer is committed.
        HttpHeaders allowed = new HttpHeaders();
        HttpHeaders response = exchange.getResponse().getHeaders();
        for (String name : List.of(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS)) {
            List<String> values = response.get(name);
            if (values != null) {
                allowed.put(name, List.copyOf(values));
            }
        }
        exchange.getResponse().beforeCommit(() -> {
            HttpHeaders headers = exchange.getResponse().getHeaders();
            allowed.forEach(headers::put);
            if (headers.getVary().stream().noneMatch(HttpHeaders.ORIGIN::equalsIgnoreCase)) {
                headers.add(HttpHeaders.VARY, HttpHeaders.ORIGIN);
            }
            return Mono.empty();
        });
        return chain.filter(exchange);
    }
}
