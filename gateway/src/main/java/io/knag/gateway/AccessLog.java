package io.knag.gateway;

import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * One access-log line per request: method, path (never the query string, a header or a body), status,
 * time and client address, under the W3C trace id. A valid incoming {@code traceparent} is continued,
 * otherwise a new one is started; it travels on to the functions and its trace id comes back as
 * {@code X-Request-Id}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE - 1)
class AccessLog implements WebFilter {

    private static final Logger log = LoggerFactory.getLogger("io.knag.gateway.access");
    private static final Pattern TRACEPARENT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})");
    private static final SecureRandom random = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long start = System.nanoTime();
        String incoming = exchange.getRequest().getHeaders().getFirst("traceparent");
        var matcher = incoming == null ? null : TRACEPARENT.matcher(incoming);
        String traceId = matcher != null && matcher.matches() && !matcher.group(1).equals("0".repeat(32))
                ? matcher.group(1) : HEX.formatHex(bytes(16));
        String flags = matcher != null && matcher.matches() ? matcher.group(3) : "01";
        String traceparent = "00-" + traceId + "-" + HEX.formatHex(bytes(8)) + "-" + flags;
        exchange.getResponse().getHeaders().set("X-Request-Id", traceId);
        ServerWebExchange traced = exchange.mutate()
                .request(exchange.getRequest().mutate().headers(headers -> headers.set("traceparent", traceparent)).build())
                .build();
        return chain.filter(traced).doFinally(signal -> {
            var status = exchange.getResponse().getStatusCode();
            InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
            log.info("{} {} {} {} ms client={} trace={}", exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath().value(), status == null ? "-" : status.value(),
                    (System.nanoTime() - start) / 1_000_000,
                    remote == null || remote.getAddress() == null ? "-" : remote.getAddress().getHostAddress(), traceId);
        });
    }

    private static byte[] bytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }
}
