package io.knag.gateway;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.knag.kernel.KnagException;
import io.knag.kernel.ProblemType;
import io.knag.kernel.auth.AccessTokenVerifier;
import io.knag.kernel.auth.Caller;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Every routed request: a client's own {@code X-Knag-User} header is always removed; outside the public
 * paths an access token is required and verified (RS256 pinned, kid from the identity JWKS, iss/aud/exp/
 * nbf/typ), and the verified subject is forwarded in {@code X-Knag-User}. Verified tokens are cached
 * (bounded, each until its own expiry) so the signature check stays off the hot path.
 */
@Component
class TokenGate implements GlobalFilter, Ordered {

    static final String USER_HEADER = "X-Knag-User";
    static final String CALLER = TokenGate.class.getName() + ".caller";
    private static final String PREFIX = "bearer ";

    private final AccessTokenVerifier verifier;
    private final List<String> publicPaths;
    private final AntPathMatcher paths = new AntPathMatcher();
    private final Cache<String, Caller> verified;
    private final Clock clock;

    TokenGate(AccessTokenVerifier verifier, GatewaySettings settings, Clock clock) {
        this.verifier = verifier;
        this.publicPaths = settings.publicPaths();
        this.clock = clock;
        this.verified = Caffeine.newBuilder().maximumSize(settings.verifiedTokenCacheSize())
                .expireAfter(Expiry.creating((String token, Caller caller) ->
                        Duration.between(clock.instant(), caller.expiresAt()).isNegative() ? Duration.ZERO
                                : Duration.between(clock.instant(), caller.expiresAt())))
                .build();
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        ServerWebExchange stripped = exchange.mutate()
                .request(exchange.getRequest().mutate().headers(headers -> headers.remove(USER_HEADER)).build())
                .build();
        String path = stripped.getRequest().getPath().pathWithinApplication().value();
        if (publicPaths.stream().anyMatch(pattern -> paths.match(pattern, path))) {
            return chain.filter(stripped);
        }
        List<String> values = stripped.getRequest().getHeaders().getOrEmpty(HttpHeaders.AUTHORIZATION);
        if (values.isEmpty()) {
            return Mono.error(new KnagException(ProblemType.AUTHENTICATION_REQUIRED,
                    "Send an access token as Authorization: Bearer <token>"));
        }
        String value = values.get(0);
        if (values.size() > 1 || value.length() <= PREFIX.length() || !value.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return Mono.error(new KnagException(ProblemType.INVALID_TOKEN, "The access token is not valid"));
        }
        String token = value.substring(PREFIX.length()).strip();
        Caller cached = verified.getIfPresent(token);
        Mono<Caller> caller = cached != null && cached.expiresAt().isAfter(clock.instant())
                ? Mono.just(cached)
                : verifier.verify(token).doOnNext(fresh -> verified.put(token, fresh));
        return caller.flatMap(who -> {
            stripped.getAttributes().put(CALLER, who);
            return chain.filter(stripped.mutate().request(stripped.getRequest().mutate()
                    .header(USER_HEADER, who.userId().toString()).build()).build());
        });
    }
}
