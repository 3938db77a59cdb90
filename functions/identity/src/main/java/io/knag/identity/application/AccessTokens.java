package io.knag.identity.application;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.knag.identity.domain.SigningKey;
import io.knag.kernel.Ids;
import io.knag.kernel.UserId;
import io.knag.kernel.auth.TokenSettings;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import reactor.core.publisher.Mono;

/** Issues RS256 access tokens ({@code typ=at+jwt}) with iss, aud, sub, iat, nbf, exp and jti. */
public final class AccessTokens {

    private static final JOSEObjectType TYPE = new JOSEObjectType(TokenSettings.TYPE);

    private final SigningKeys keys;
    private final TokenSettings settings;
    private final Clock clock;

    public AccessTokens(SigningKeys keys, TokenSettings settings, Clock clock) {
        this.keys = keys;
        this.settings = settings;
        this.clock = clock;
    }

    public Mono<String> issue(UserId user) {
        return keys.current().map(key -> sign(key, user));
    }

    public long ttlSeconds() {
        return settings.accessTokenTtl().toSeconds();
    }

    private String sign(SigningKey key, UserId user) {
        Instant now = clock.instant();
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256).type(TYPE).keyID(key.kid()).build();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(settings.issuer())
                .audience(settings.audience())
                .subject(user.toString())
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(settings.accessTokenTtl())))
                .jwtID(Ids.newId(clock).toString())
                .build();
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(key.signer());
        } catch (JOSEException e) {
            throw new IllegalStateException("could not sign an access token with key " + key.kid(), e);
        }
        return jwt.serialize();
    }
}
