package io.knag.gateway;

import io.knag.kernel.KnagException;
import io.knag.web.EdgeRequests;
import io.knag.web.SecurityHeaders;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * On every answer, once: HSTS and the security headers of an API (no framing, no sniffing, no referrer, a CSP
 * that allows nothing; {@link SecurityHeaders#GATEWAY}), or, on the web application's own files, the same with the
 * application's CSP ({@link SecurityHeaders#WEB_APPLICATION}). Before anything else: a body declared larger than {@code knag.gateway.max-body}
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
        // Set as the answer is committed, so each is there once: a proxied answer brings the host's own copies.
        exchange.getResponse().beforeCommit(() -> {
            HttpHeaders headers = exchange.getResponse().getHeaders();
            boolean application = Boolean.TRUE.equals(exchange.getAttribute(WebApplication.ANSWER));
            (application ? SecurityHeaders.WEB_APPLICATION : SecurityHeaders.GATEWAY).forEach(headers::set);
            return Mono.empty();
        });
        KnagException refused = EdgeRequests.refused(exchange.getRequest(), maxBody);
        return refused != null ? Mono.error(refused) : chain.filter(exchange);
    }
}
