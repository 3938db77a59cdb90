package io.knag.gateway;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.knag.kernel.KnagException;
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
 * Token buckets in memory: per client address on the sign-in paths ({@code /api/v1/auth/**}), per user
 * elsewhere (per address for the other public paths). Answers carry {@code RateLimit-Limit} and
 * {@code RateLimit-Remaining}; a refused one is 429 {@code rate-limited} with {@code Retry-After}.
 * (Buckets shared through Redis by several gateway replicas are not built yet.)
 */
@Component
class RateLimits implements GlobalFilter, Ordered {

    private final int perIp;
    private final int perUser;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .maximumSize(200_000).expireAfterAccess(Duration.ofMinutes(10)).build();

    RateLimits(GatewaySettings settings) {
        this.perIp = settings.perIp();
        this.perUser = settings.perUser();
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 20;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        Caller caller = exchange.getAttribute(TokenGate.CALLER);
        boolean signIn = path.startsWith("/api/v1/auth/");
        int limit = signIn || caller == null ? perIp : perUser;
        String key = signIn || caller == null ? "ip:" + address(exchange) : "user:" + caller.userId();
        Bucket bucket = buckets.get(key + (signIn ? ":auth" : ""), ignored -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(limit).refillGreedy(limit, Duration.ofMinutes(1)).build())
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        HttpHeaders headers = exchange.getResponse().getHeaders();
        headers.set("RateLimit-Limit", Integer.toString(limit));
        headers.set("RateLimit-Remaining", Long.toString(probe.getRemainingTokens()));
        if (probe.isConsumed()) {
            return chain.filter(exchange);
        }
        Duration wait = Duration.ofNanos(probe.getNanosToWaitForRefill());
        headers.set("RateLimit-Reset", Long.toString(Math.max(1, (wait.toMillis() + 999) / 1000)));
        return Mono.error(new KnagException(GatewayProblems.RATE_LIMITED, "Too many requests; retry later", List.of(),
                wait.isZero() ? Duration.ofSeconds(1) : wait));
    }

    private static String address(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        return remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
    }
}
