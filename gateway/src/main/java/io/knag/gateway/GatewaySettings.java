package io.knag.gateway;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code knag.gateway.*}: where the function host answers, which paths need no token, the rate limits,
 * the body limit and where plain HTTP is redirected from. Defaults fit the embedded default.
 *
 * @param upstream     the function host (embedded default: the local host; in a cluster, its service)
 * @param jwks         the identity key set the gateway verifies tokens against
 * @param publicPaths  path patterns reachable without an access token (bot reports carry a report token, checked
 *                     by the host)
 * @param perIp        requests a minute one client address may make to /api/v1/auth/**
 * @param perUser      requests a minute one signed-in user may make elsewhere
 * @param perPaperClient requests a minute one client address may make to the paper exchange (/paper/**), which
 *                     checks its own signatures; bots inside the platform reach it without the gateway
 * @param httpPort     the plain-HTTP port that only redirects to HTTPS (0: none)
 * @param rateLimitStore {@code memory} (one gateway) or {@code redis} (limits shared by every replica)
 * @param corsOrigins  origins whose pages may call the API from a browser (the web UI's)
 * @param rateLimitsEnabled false where something in front of the gateway limits rates already
 * @param publicUrl    the address people reach the gateway at ({@code https://knag.example.org}); the redirect
 *                     from plain HTTP goes there, never to a {@code Host} the request names. Unset:
 *                     {@code https://localhost:<server.port>}
 */
@ConfigurationProperties("knag.gateway")
public record GatewaySettings(
        @DefaultValue("http://127.0.0.1:8080") URI upstream,
        @DefaultValue("http://127.0.0.1:8080/.well-known/jwks.json") URI jwks,
        @DefaultValue({"/api/v1/auth/**", "/.well-known/**", "/api/v1/openapi.yaml", "/api/v1/vault/brokers", "/paper/**",
                "/api/v1/bots/*/reports"})
        List<String> publicPaths,
        @DefaultValue("20") int perIp,
        @DefaultValue("600") int perUser,
        @DefaultValue("1200") int perPaperClient,
        @DefaultValue("1MB") DataSize maxBody,
        @DefaultValue("8088") int httpPort,
        @DefaultValue("10000") int verifiedTokenCacheSize,
        @DefaultValue("30s") Duration upstreamTimeout,
        @DefaultValue("memory") RateLimitStore rateLimitStore,
        @DefaultValue("https://localhost:8443") List<String> corsOrigins,
        @DefaultValue("true") boolean rateLimitsEnabled,
        URI publicUrl) {

    /** Where rate-limit counters live: this process, or Redis ({@code spring.data.redis.*}) shared by replicas. */
    public enum RateLimitStore { MEMORY, REDIS }
}
