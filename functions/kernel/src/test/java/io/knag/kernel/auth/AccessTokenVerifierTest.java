package io.knag.kernel.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.knag.kernel.KnagException;
import io.knag.kernel.ProblemType;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

class AccessTokenVerifierTest {

    static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    static final TokenSettings SETTINGS = new TokenSettings("https://knag.test", "knag-api", Duration.ofMinutes(15),
            Duration.ofSeconds(60));
    static KeyPair keys;
    static KeyPair otherKeys;

    final UUID user = UUID.randomUUID();
    final AtomicInteger refreshes = new AtomicInteger();
    final PublicKeyDirectory directory = new PublicKeyDirectory() {
        @Override
        public Optional<RSAPublicKey> find(String kid) {
            return "k1".equals(kid) ? Optional.of((RSAPublicKey) keys.getPublic()) : Optional.empty();
        }

        @Override
        public Mono<Void> refresh() {
            return Mono.fromRunnable(refreshes::incrementAndGet);
        }
    };
    final AccessTokenVerifier verifier = new AccessTokenVerifier(directory, SETTINGS, Clock.fixed(NOW, ZoneOffset.UTC));

    @BeforeAll
    static void generateKeys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keys = generator.generateKeyPair();
        otherKeys = generator.generateKeyPair();
    }

    @Test
    void acceptsAWellFormedToken() {
        Caller caller = verifier.verify(token(h -> { }, c -> { })).block();
        assertThat(caller.userId().value()).isEqualTo(user);
        assertThat(caller.expiresAt()).isEqualTo(NOW.plusSeconds(600));
    }

    @Test
    void rejectsExpiredToken() {
        assertInvalid(token(h -> { }, c -> c.expirationTime(Date.from(NOW.minusSeconds(61)))), "has expired");
    }

    @Test
    void toleratesClockSkewWithinOneMinute() {
        assertThat(verifier.verify(token(h -> { }, c -> c.expirationTime(Date.from(NOW.minusSeconds(30))))).block())
                .isNotNull();
    }

    @Test
    void rejectsTokenNotYetValid() {
        assertInvalid(token(h -> { }, c -> c.notBeforeTime(Date.from(NOW.plusSeconds(120)))), "not valid");
    }

    @Test
    void rejectsTokenIssuedInTheFuture() {
        assertInvalid(token(h -> { }, c -> c.issueTime(Date.from(NOW.plusSeconds(3600)))), "not valid");
    }

    @Test
    void rejectsWrongIssuerAndAudience() {
        assertInvalid(token(h -> { }, c -> c.issuer("https://evil.example")), "not valid");
        assertInvalid(token(h -> { }, c -> c.audience("other-api")), "not valid");
    }

    @Test
    void rejectsMissingSubjectOrJtiOrBadSubject() {
        assertInvalid(token(h -> { }, c -> c.subject(null)), "not valid");
        assertInvalid(token(h -> { }, c -> c.jwtID(null)), "not valid");
        assertInvalid(token(h -> { }, c -> c.subject("admin")), "not valid");
    }

    @Test
    void rejectsAlgNone() {
        String unsigned = new PlainJWT(claims().build()).serialize();
        assertInvalid(unsigned, "not valid");
        // "none" written into an RS256-shaped token with the signature stripped
        String header = b64("{\"alg\":\"none\",\"typ\":\"at+jwt\",\"kid\":\"k1\"}");
        String[] parts = token(h -> { }, c -> { }).split("\\.");
        assertInvalid(header + "." + parts[1] + ".", "not valid");
    }

    @Test
    void rejectsHs256SignedWithThePublicKeyAsSecret() throws Exception {
        byte[] secret = keys.getPublic().getEncoded();
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(new JOSEObjectType("at+jwt"))
                .keyID("k1").build(), claims().build());
        forged.sign(new MACSigner(secret));
        assertInvalid(forged.serialize(), "not valid");
    }

    @Test
    void rejectsTokenSignedByAnotherKeyUnderAKnownKid() {
        assertInvalid(token(h -> { }, c -> { }, (RSAPrivateKey) otherKeys.getPrivate()), "not valid");
    }

    @Test
    void rejectsUnknownOrInjectedKidAfterOneRefresh() {
        assertInvalid(token(h -> h.keyID("k2"), c -> { }), "not valid");
        assertInvalid(token(h -> h.keyID("../../etc/passwd"), c -> { }), "not valid");
        assertInvalid(token(h -> h.keyID("k1' OR '1'='1"), c -> { }), "not valid");
        assertThat(refreshes).hasValue(1);
    }

    @Test
    void rejectsKeysOrUrlsCarriedInTheToken() throws Exception {
        RSAKey attackerKey = new RSAKey.Builder((RSAPublicKey) otherKeys.getPublic()).keyID("k1").build();
        assertInvalid(token(h -> h.jwk(attackerKey), c -> { }, (RSAPrivateKey) otherKeys.getPrivate()), "not valid");
        assertInvalid(token(h -> h.jwkURL(URI.create("https://evil.example/jwks")), c -> { },
                (RSAPrivateKey) otherKeys.getPrivate()), "not valid");
    }

    @Test
    void rejectsWrongOrMissingType() {
        assertInvalid(token(h -> h.type(JOSEObjectType.JWT), c -> { }), "not valid");
        assertInvalid(token(h -> h.type(null), c -> { }), "not valid");
    }

    @Test
    void rejectsCriticalExtensions() {
        assertInvalid(token(h -> h.criticalParams(Set.of("exp")), c -> { }), "not valid");
    }

    @Test
    void rejectsTamperedPayload() {
        String[] parts = token(h -> { }, c -> { }).split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace(user.toString(), UUID.randomUUID().toString());
        assertInvalid(parts[0] + "." + b64(payload) + "." + parts[2], "not valid");
    }

    @Test
    void rejectsUnexpectedHeaderFieldsAndDuplicateClaims() {
        assertInvalid(token(h -> h.x509CertURL(java.net.URI.create("https://evil.example/cert")), c -> { }), "not valid");
        assertInvalid(token(h -> h.customParam("extra", "1"), c -> { }), "not valid");
        assertInvalid(token(h -> h.contentType("JWT"), c -> { }), "not valid");
        String header = b64("{\"alg\":\"RS256\",\"typ\":\"at+jwt\",\"kid\":\"k1\",\"kid\":\"k2\"}");
        String[] parts = token(h -> { }, c -> { }).split("\\.");
        assertInvalid(header + "." + parts[1] + "." + parts[2], "not valid");
    }

    @Test
    void acceptsAnAudienceListThatContainsOurs() {
        assertThat(verifier.verify(token(h -> { }, c -> c.audience(java.util.List.of("other", "knag-api")))).block())
                .isNotNull();
    }

    @Test
    void rejectsGarbageAndOversizedTokens() {
        assertInvalid("not-a-token", "not valid");
        assertInvalid("a.b.c", "not valid");
        assertInvalid("..", "not valid");
        assertInvalid(token(h -> { }, c -> { }) + ".extra", "not valid");
        assertInvalid(token(h -> { }, c -> { }).replaceAll("\\.[^.]*$", "."), "not valid");
        assertInvalid("x".repeat(10_000), "not valid");
        assertInvalid(token(h -> { }, c -> c.claim("pad", "x".repeat(9000))), "not valid");
    }

    private void assertInvalid(String token, String detail) {
        assertThatThrownBy(() -> verifier.verify(token).block())
                .isInstanceOfSatisfying(KnagException.class, e -> {
                    assertThat(e.type()).isEqualTo(ProblemType.INVALID_TOKEN);
                    assertThat(e.detail()).contains(detail);
                });
    }

    private JWTClaimsSet.Builder claims() {
        return new JWTClaimsSet.Builder().issuer(SETTINGS.issuer()).audience(SETTINGS.audience())
                .subject(user.toString()).issueTime(Date.from(NOW.minusSeconds(300)))
                .notBeforeTime(Date.from(NOW.minusSeconds(300))).expirationTime(Date.from(NOW.plusSeconds(600)))
                .jwtID(UUID.randomUUID().toString());
    }

    private String token(Consumer<JWSHeader.Builder> header, Consumer<JWTClaimsSet.Builder> claims) {
        return token(header, claims, (RSAPrivateKey) keys.getPrivate());
    }

    private String token(Consumer<JWSHeader.Builder> header, Consumer<JWTClaimsSet.Builder> claims, RSAPrivateKey key) {
        try {
            JWSHeader.Builder h = new JWSHeader.Builder(JWSAlgorithm.RS256).type(new JOSEObjectType("at+jwt")).keyID("k1");
            header.accept(h);
            JWTClaimsSet.Builder c = claims();
            claims.accept(c);
            SignedJWT jwt = new SignedJWT(h.build(), c.build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(String json) {
        return Base64URL.encode(json.getBytes(StandardCharsets.UTF_8)).toString();
    }

}
