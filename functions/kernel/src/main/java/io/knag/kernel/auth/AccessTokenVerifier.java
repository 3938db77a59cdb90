package io.knag.kernel.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.knag.kernel.KnagException;
import io.knag.kernel.ProblemType;
import io.knag.kernel.UserId;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import reactor.core.publisher.Mono;

/**
 * Verifies an access token: RS256 only (no {@code none}, no HMAC), {@code typ=at+jwt}, a {@code kid}
 * from the directory (never a key or URL named in the token), no critical extensions, then
 * {@code iss}, {@code aud}, {@code exp}, {@code nbf}, {@code iat}, {@code sub} and {@code jti}.
 */
public final class AccessTokenVerifier {

    private static final int MAX_TOKEN_LENGTH = 8192;
    private static final Pattern KID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Duration REFRESH_FLOOR = Duration.ofSeconds(10);

    private final PublicKeyDirectory keys;
    private final TokenSettings settings;
    private final Clock clock;
    private final Map<RSAPublicKey, RSASSAVerifier> verifiers = new ConcurrentHashMap<>();
    private final AtomicLong lastRefresh = new AtomicLong(Long.MIN_VALUE / 2);

    public AccessTokenVerifier(PublicKeyDirectory keys, TokenSettings settings, Clock clock) {
        this.keys = keys;
        this.settings = settings;
        this.clock = clock;
    }

    /** Verifies {@code token}, reloading the key set once (at most every 10 s) for an unknown {@code kid}. */
    public Mono<Caller> verify(String token) {
        SignedJWT jwt;
        try {
            jwt = parse(token);
        } catch (KnagException e) {
            return Mono.error(e);
        }
        String kid = jwt.getHeader().getKeyID();
        Optional<RSAPublicKey> key = keys.find(kid);
        if (key.isPresent()) {
            return Mono.fromCallable(() -> verify(jwt, key.get()));
        }
        return refreshIfAllowed().then(Mono.fromCallable(
                () -> verify(jwt, keys.find(kid).orElseThrow(() -> invalid("The access token is not valid")))));
    }

    /** Parses a compact JWS and checks its header; throws {@code invalid-token} when it is not an access token. */
    public SignedJWT parse(String token) {
        if (token == null || token.length() > MAX_TOKEN_LENGTH) {
            throw invalid("The access token is not valid");
        }
        SignedJWT jwt;
        try {
            jwt = SignedJWT.parse(token);
        } catch (ParseException e) {
            throw invalid("The access token is not valid");
        }
        JWSHeader header = jwt.getHeader();
        boolean headerOk = JWSAlgorithm.RS256.equals(header.getAlgorithm())
                && header.getType() != null && TokenSettings.TYPE.equalsIgnoreCase(header.getType().getType())
                && header.getKeyID() != null && KID.matcher(header.getKeyID()).matches()
                && header.getCriticalParams() == null
                && header.getJWKURL() == null && header.getJWK() == null && header.getX509CertURL() == null;
        if (!headerOk) {
            throw invalid("The access token is not valid");
        }
        return jwt;
    }

    /** Checks the signature with {@code key}, then the claims. */
    public Caller verify(SignedJWT jwt, RSAPublicKey key) {
        try {
            RSASSAVerifier verifier = verifiers.computeIfAbsent(key, RSASSAVerifier::new);
            if (!jwt.verify(verifier)) {
                throw invalid("The access token is not valid");
            }
            return callerFrom(jwt.getJWTClaimsSet());
        } catch (JOSEException | ParseException | IllegalStateException e) {
            throw invalid("The access token is not valid");
        }
    }

    private Caller callerFrom(JWTClaimsSet claims) {
        Instant now = clock.instant();
        Duration skew = settings.clockSkew();
        Date exp = claims.getExpirationTime();
        Date iat = claims.getIssueTime();
        Date nbf = claims.getNotBeforeTime();
        boolean valid = settings.issuer().equals(claims.getIssuer())
                && claims.getAudience().contains(settings.audience())
                && exp != null && iat != null && claims.getJWTID() != null && claims.getSubject() != null
                && !iat.toInstant().isAfter(now.plus(skew))
                && (nbf == null || !nbf.toInstant().isAfter(now.plus(skew)));
        if (!valid) {
            throw invalid("The access token is not valid");
        }
        if (!exp.toInstant().plus(skew).isAfter(now)) {
            throw invalid("The access token has expired");
        }
        try {
            return new Caller(UserId.of(claims.getSubject()), claims.getJWTID(), exp.toInstant());
        } catch (IllegalArgumentException e) {
            throw invalid("The access token is not valid");
        }
    }

    private Mono<Void> refreshIfAllowed() {
        long now = clock.millis();
        long last = lastRefresh.get();
        if (now - last < REFRESH_FLOOR.toMillis() || !lastRefresh.compareAndSet(last, now)) {
            return Mono.empty();
        }
        return keys.refresh();
    }

    private static KnagException invalid(String detail) {
        return new KnagException(ProblemType.INVALID_TOKEN, detail);
    }
}
