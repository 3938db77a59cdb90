package io.knag.gateway;

import io.knag.kernel.KnagException;
import io.knag.web.HttpProblems;
import io.knag.kernel.auth.Caller;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Rate limits: per client address on the sign-in paths ({@code /api/v1/auth/**}) and, with a limit of its own, on the
 * paper exchange ({@code /paper/**}), per user elsewhere (per address for the other public paths), counted in memory or in Redis ({@link RateLimiter}). Answers carry
 * {@code RateLimit-Limit} and {@code RateLimit-Remaining}; a refused one is 429 {@code rate-limited} with
 * {@code Retry-After} and {@code RateLimit-Reset}.
 */
@Component
class RateLimits implements GlobalFilter, Ordered {

    private final int perIp;
    private final int perUser;
    private final int perPaperClient;
    private final RateLimiter limiter;
    private final boolean enabled;

    RateLimits(GatewaySettings settings, RateLimiter limiter) {
        this.enabled = settings.rateLimitsEnabled();
        this.perIp = settings.perIp();
        this.perUser = settings.perUser();
        this.perPaperClient = settings.perPaperClient();
        this.limiter = limiter;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 20;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        if (!enabled) {
            return chain.filter(exchange);
        }
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        Caller caller = exchange.getAttribute(TokenGate.CALLER);
        boolean signIn = path.startsWith("/api/v1/auth/");
        boolean paper = path.startsWith("/paper/");
        int limit = paper ? perPaperClient : signIn || caller == null ? perIp : perUser;
        String key = paper ? "paper:ip:" + address(exchange)
                : (signIn ? "auth:" : "") + (signIn || caller == null ? "ip:" + address(exchange) : "user:" + caller.userId());
        return limiter.consume(key, limit).flatMap(decision -> {
            HttpHeaders headers = exchange.getResponse().getHeaders();
            headers.set("RateLimit-Limit", Integer.toString(limit));
            headers.set("RateLimit-Remaining", Long.toString(decision.remaining()));
            if (decision.allowed()) {
                return chain.filter(exchange);
            }
            Duration wait = decision.retryAfter().isZero() ? Duration.ofSeconds(1) : decision.retryAfter();
            headers.set("RateLimit-Reset", Long.toString(Math.max(1, (wait.toMillis() + 999) / 1000)));
            return Mono.error(new KnagException(HttpProblems.RATE_LIMITED, "Too many requests; retry later",
                    List.of(), wait));
        });
    }

    private static String address(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        return remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
    }
}
