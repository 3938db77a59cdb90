package io.knag.kernel.internal;

import io.knag.kernel.auth.TokenSettings;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code knag.tokens.*}: the issuer and audience of access tokens, their lifetime and the allowed clock skew. */
@ConfigurationProperties("knag.tokens")
public record TokenProperties(
        @DefaultValue("https://knag.local") String issuer,
        @DefaultValue("knag-api") String audience,
        @DefaultValue("15m") Duration accessTokenTtl,
        @DefaultValue("60s") Duration clockSkew) {

    public TokenProperties {
        if (accessTokenTtl.isNegative() || accessTokenTtl.isZero() || accessTokenTtl.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("knag.tokens.access-token-ttl must be between 1s and 1h");
        }
        if (clockSkew.isNegative() || clockSkew.compareTo(Duration.ofMinutes(5)) > 0) {
            throw new IllegalArgumentException("knag.tokens.clock-skew must be between 0 and 5m");
        }
    }

    TokenSettings toSettings() {
        return new TokenSettings(issuer, audience, accessTokenTtl, clockSkew);
    }
}
