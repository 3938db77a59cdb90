package io.knag.gateway;

import io.knag.kernel.KnagException;
import io.knag.web.HttpProblems;
import io.knag.web.MediaTypeHeaders;
import io.knag.web.NormalPaths;
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
        if (exchange.getRequest().getHeaders().getContentLength() > maxBody) {
            return Mono.error(new KnagException(HttpProblems.PAYLOAD_TOO_LARGE,
                    "The request body may be at most " + maxBody + " bytes"));
        }
        KnagException malformed = NormalPaths.refused(exchange.getRequest());
        if (malformed == null) {
            malformed = MediaTypeHeaders.malformed(exchange.getRequest().getHeaders());
        }
        return malformed != null ? Mono.error(malformed) : chain.filter(exchange);
    }
}
