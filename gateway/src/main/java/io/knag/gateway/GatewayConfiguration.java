package io.knag.gateway;

import io.knag.kernel.auth.RemoteJwks;
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

    @Bean
    RateLimiter rateLimiter(GatewaySettings settings,
                            org.springframework.beans.factory.ObjectProvider<ReactiveStringRedisTemplate> redis) {
        return switch (settings.rateLimitStore()) {
            case MEMORY -> new InMemoryRateLimiter();
            case REDIS -> new RedisRateLimiter(redis.getObject());
        };
    }
}
