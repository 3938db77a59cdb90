package io.knag.gateway;

import io.knag.kernel.auth.RemoteJwks;
import io.knag.web.EdgeConnections;
import io.knag.web.SecurityHeaders;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.embedded.netty.NettyServerCustomizer;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The key set the gateway verifies access tokens against (the identity JWKS), and where rate limits are counted. */
@Configuration(proxyBeanMethods = false)
class GatewayConfiguration {

    @Bean
    RemoteJwks identityKeys(GatewaySettings settings) {
        return new RemoteJwks(settings.jwks());
    }

    /** Netty's refusals as problems with the security headers, and a deadline for reading each request. */
    @Bean
    NettyServerCustomizer edgeConnections(@Value("${knag.http.read-timeout:20s}") Duration readTimeout) {
        return EdgeConnections.customizer(readTimeout, SecurityHeaders.GATEWAY);
    }

    @Bean
    BrowserOrigins browserOrigins(GatewaySettings settings) {
        return new BrowserOrigins(settings.corsOrigins());
    }

    @Bean
    RateLimiter rateLimiter(GatewaySettings settings,
                            org.springframework.beans.factory.ObjectProvider<ReactiveStringRedisTemplate> redis) {
        return switch (settings.rateLimitStore()) {
            case MEMORY -> new InMemoryRateLimiter();
            case REDIS -> new RedisRateLimiter(redis.getObject());
        };
    }
}
