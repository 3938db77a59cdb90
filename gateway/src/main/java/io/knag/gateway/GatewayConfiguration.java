package io.knag.gateway;

import io.knag.kernel.auth.RemoteJwks;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsWebFilter;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The key set the gateway verifies access tokens against (the identity JWKS), and where rate limits are counted. */
@Configuration(proxyBeanMethods = false)
class GatewayConfiguration {

    @Bean
    RemoteJwks identityKeys(GatewaySettings settings) {
        return new RemoteJwks(settings.jwks());
    }

    /** Browsers may call the API from the web UI's origins only; bearer tokens, so no cookies are allowed. */
    @Bean
    CorsWebFilter corsFilter(GatewaySettings settings) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(settings.corsOrigins());
        cors.setAllowedMethods(java.util.List.of("GET", "POST", "PUT", "PATCH", "DELETE"));
        cors.setAllowedHeaders(java.util.List.of("Authorization", "Content-Type", "traceparent"));
        cors.setExposedHeaders(java.util.List.of("Location", "Retry-After", "RateLimit-Limit", "RateLimit-Remaining",
                "RateLimit-Reset", "X-Request-Id"));
        cors.setAllowCredentials(false);
        cors.setMaxAge(java.time.Duration.ofHours(1));
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", cors);
        return new CorsWebFilter(source);
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
