package io.knag.kernel.auth;

import java.time.Duration;
import java.util.Objects;

/** What every access token must say about who issued it and for whom, and how much clock skew to allow. */
public record TokenSettings(String issuer, String audience, Duration accessTokenTtl, Duration clockSkew) {

    public static final String TYPE = "at+jwt";

    public TokenSettings {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(audience, "audience");
        Objects.requireNonNull(accessTokenTtl, "accessTokenTtl");
        Objects.requireNonNull(clockSkew, "clockSkew");
    }
}
