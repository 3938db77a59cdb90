package io.knag.kernel.auth;

import com.nimbusds.jose.util.JSONObjectUtils;
import io.knag.kernel.KnagException;
import io.knag.kernel.ProblemType;
import io.knag.kernel.UserId;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.SignatureException;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import reactor.core.publisher.Mono;

/**
 * Verifies an access token: a compact JWS whose header holds exactly {@code alg=RS256}, {@code typ=at+jwt}
 * and a {@code kid} from the directory (so no {@code none}, no HMAC, no key or URL carried in the token,
 * no critical extensions); then the RS256 signature; only then are the claims read: {@code iss},
 * {@code aud}, {@code exp}, {@code nbf}, {@code iat}, {@code sub} (a UUID) and {@code jti}.
 */
public final class AccessTokenVerifier {

    private static final int MAX_TOKEN_LENGTH = 8192;
    private static final Pattern KID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Set<String> HEADER_FIELDS = Set.of("alg", "typ", "kid");
    private static final Duration REFRESH_FLOOR = Duration.ofSeconds(10);
    private static final Base64.Decoder BASE64URL = Base64.getUrlDecoder();

    private final PublicKeyDirectory keys;
    private final TokenSettings settings;
    private final Clock clock;
    private final ThreadLocal<Map<RSAPublicKey, Signature>> signatures = ThreadLocal.withInitial(HashMap::new);
    private final AtomicLong lastRefresh = new AtomicLong(Long.MIN_VALUE / 2);

    public AccessTokenVerifier(PublicKeyDirectory keys, TokenSettings settings, Clock clock) {
        this.keys = keys;
        this.settings = settings;
        this.clock = clock;
    }

    /** Verifies {@code token}, reloading the key set once (at most every 10 s) for an unknown {@code kid}. */
    public Mono<Caller> verify(String token) {
        ParsedToken parsed;
        try {
            parsed = parse(token);
        } catch (KnagException e) {
            return Mono.error(e);
        }
        Optional<RSAPublicKey> key = keys.find(parsed.kid());
        if (key.isPresent()) {
            return Mono.fromCallable(() -> verify(parsed, key.get()));
        }
        return refreshIfAllowed().then(Mono.fromCallable(() -> verify(parsed, keys.find(parsed.kid())
                .orElseThrow(AccessTokenVerifier::notValid))));
    }

    /** Verifies {@code token} against the keys known now, without I/O: header, signature, claims. */
    public Caller verifyNow(String token) {
        ParsedToken parsed = parse(token);
        return verify(parsed, keys.find(parsed.kid()).orElseThrow(AccessTokenVerifier::notValid));
    }

    /** Splits a compact JWS and checks its header; throws {@code invalid-token} when it is not an access token. */
    public ParsedToken parse(String token) {
        if (token == null || token.length() > MAX_TOKEN_LENGTH) {
            throw notValid();
        }
        int first = token.indexOf('.');
        int second = token.indexOf('.', first + 1);
        if (first <= 0 || second <= first + 1 || second == token.length() - 1 || token.indexOf('.', second + 1) >= 0) {
            throw notValid();
        }
        Map<String, Object> header = json(token.substring(0, first));
        Object kid = header.get("kid");
        Object type = header.get("typ");
        boolean ok = HEADER_FIELDS.containsAll(header.keySet())
                && "RS256".equals(header.get("alg"))
                && type instanceof String t && (TokenSettings.TYPE.equalsIgnoreCase(t)
                        || ("application/" + TokenSettings.TYPE).equalsIgnoreCase(t))
                && kid instanceof String k && KID.matcher(k).matches();
        if (!ok) {
            throw notValid();
        }
        return new ParsedToken((String) kid, token, first, second);
    }

    /** Checks the RS256 signature with {@code key}, then the claims. */
    public Caller verify(ParsedToken token, RSAPublicKey key) {
        byte[] signature;
        try {
            signature = BASE64URL.decode(token.text().substring(token.second() + 1));
        } catch (IllegalArgumentException e) {
            throw notValid();
        }
        byte[] signingInput = token.text().substring(0, token.second()).getBytes(StandardCharsets.US_ASCII);
        if (!signatureValid(signingInput, signature, key)) {
            throw notValid();
        }
        return callerFrom(json(token.text().substring(token.first() + 1, token.second())));
    }

    /**
     * SHA256withRSA. Each thread keeps one initialised {@link Signature} per key (a Signature resets
     * itself after each verify), so the hot path pays no provider lookup or key setup.
     */
    private boolean signatureValid(byte[] signingInput, byte[] signatureBytes, RSAPublicKey key) {
        Map<RSAPublicKey, Signature> mine = signatures.get();
        try {
            Signature signature = mine.get(key);
            if (signature == null) {
                signature = Signature.getInstance("SHA256withRSA");
                signature.initVerify(key);
                mine.put(key, signature);
            }
            signature.update(signingInput);
            return signature.verify(signatureBytes);
        } catch (SignatureException e) {
            mine.remove(key);
            return false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA256withRSA is unavailable", e);
        }
    }

    private Caller callerFrom(Map<String, Object> claims) {
        long now = clock.instant().getEpochSecond();
        long skew = settings.clockSkew().toSeconds();
        Long exp = seconds(claims.get("exp"));
        Long iat = seconds(claims.get("iat"));
        Object nbf = claims.get("nbf");
        Object aud = claims.get("aud");
        boolean valid = settings.issuer().equals(claims.get("iss"))
                && (settings.audience().equals(aud) || aud instanceof List<?> list && list.contains(settings.audience()))
                && exp != null && iat != null && iat <= now + skew
                && (nbf == null || seconds(nbf) != null && seconds(nbf) <= now + skew)
                && claims.get("jti") instanceof String && claims.get("sub") instanceof String;
        if (!valid) {
            throw notValid();
        }
        if (exp + skew <= now) {
            throw new KnagException(ProblemType.INVALID_TOKEN, "The access token has expired");
        }
        try {
            return new Caller(UserId.of((String) claims.get("sub")), (String) claims.get("jti"), Instant.ofEpochSecond(exp));
        } catch (IllegalArgumentException e) {
            throw notValid();
        }
    }

    private static Long seconds(Object value) {
        return value instanceof Long || value instanceof Integer ? ((Number) value).longValue() : null;
    }

    private static Map<String, Object> json(String base64url) {
        try {
            return JSONObjectUtils.parse(new String(BASE64URL.decode(base64url), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException | ParseException e) {
            throw notValid();
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

    private static KnagException notValid() {
        return new KnagException(ProblemType.INVALID_TOKEN, "The access token is not valid");
    }

    /** A token whose header passed: its {@code kid}, its text and where its two dots are. */
    public record ParsedToken(String kid, String text, int first, int second) {

        @Override
        public String toString() {
            return "ParsedToken[kid=" + kid + "]";
        }
    }
}
