package io.knag.http;

import io.knag.kernel.KnagException;
import io.knag.web.EdgeRequests;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Refuses a body whose declared length is over the limit before reading it (a chunked body is cut by
 * the codec's limit instead), and marks API answers {@code Cache-Control: no-store} unless a route says
 * otherwise: they carry tokens and personal data.
 */

@Order(-100)
class RequestLimits implements WebFilter {

    private final long maxBodyBytes;

    RequestLimits(org.springframework.core.env.Environment environment) {
        this.maxBodyBytes = DataSize.parse(environment.getProperty("spring.codec.max-in-memory-size", "64KB")).toBytes();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        exchange.getResponse().beforeCommit(() -> {
            HttpHeaders headers = exchange.getResponse().getHeaders();
            if (headers.getCacheControl() == null) {
                headers.setCacheControl("no-store");
            }
            headers.set("X-Content-Type-Options", "nosniff");
            return Mono.empty();
        });
        KnagException refused = EdgeRequests.refused(exchange.getRequest(), maxBodyBytes);
        return refused != null ? Mono.error(refused) : chain.filter(exchange);
    }
}
