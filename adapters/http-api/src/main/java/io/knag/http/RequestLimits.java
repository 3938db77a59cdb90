package io.knag.http;

import io.knag.kernel.KnagException;
import io.knag.web.HttpProblems;
import io.knag.web.MediaTypeHeaders;
import io.knag.web.NormalPaths;
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
        long declared = exchange.getRequest().getHeaders().getContentLength();
        if (declared > maxBodyBytes) {
            return Mono.error(new KnagException(HttpProblems.PAYLOAD_TOO_LARGE,
                    "The request body may be at most " + maxBodyBytes + " bytes"));
        }
        KnagException malformed = NormalPaths.refused(exchange.getRequest());
        if (malformed == null) {
            malformed = MediaTypeHeaders.malformed(exchange.getRequest().getHeaders());
        }
        return malformed != null ? Mono.error(malformed) : chain.filter(exchange);
    }
}
