package io.knag.gateway;

import io.knag.kernel.KnagException;
import io.knag.web.EdgeRequests;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * On every answer: HSTS and the security headers of an API (no framing, no sniffing, no referrer, a CSP
 * that allows nothing). Before anything else: a body declared larger than {@code knag.gateway.max-body}
 * is refused without being read.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class EdgeHeadersAndLimits implements WebFilter {

    private final long maxBody;

    EdgeHeadersAndLimits(GatewaySettings settings) {
        this.maxBody = settings.maxBody().toBytes();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        HttpHeaders headers = exchange.getResponse().getHeaders();
        headers.set("Strict-Transport-Security", "max-age=31536000");
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Referrer-Policy", "no-referrer");
        headers.set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
        KnagException refused = EdgeRequests.refused(exchange.getRequest(), maxBody);
        return refused != null ? Mono.error(refused) : chain.filter(exchange);
    }
}
