package io.knag.http;

import io.knag.kernel.KnagException;
import io.knag.web.EdgeRequests;
import io.knag.web.SecurityHeaders;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Refuses a body whose declared length is over the limit before reading it (a chunked body is cut by
 * the codec's limit instead), and gives API answers the host's {@link SecurityHeaders#HOST}, keeping a
 * {@code Cache-Control} a route set: they carry tokens and personal data.
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
            SecurityHeaders.HOST.forEach((name, value) -> {
                if (!HttpHeaders.CACHE_CONTROL.equalsIgnoreCase(name) || headers.getCacheControl() == null) {
                    headers.set(name, value);
                }
            });
            return Mono.empty();
        });
        KnagException refused = EdgeRequests.refused(exchange.getRequest(), maxBodyBytes);
        return refused != null ? Mono.error(refused) : chain.filter(exchange);
    }
}
