package io.knag.host;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.knag.identity.application.SigningKeys;
import io.knag.identity.domain.SigningKey;
import io.knag.kernel.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Every forged, stale or misdirected access token is refused with 401 invalid-token through the real host,
 * and one person's token never reaches another person's account.
 */
@HostTest
class AccessTokenAttackTest {

    static TestDatabase database;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        database = HostDatabase.register(registry);
    }

    @Autowired
    WebTestClient http;
    @Autowired
    SigningKeys signingKeys;

    static SigningKey key;
    static String aliceId;

    @BeforeEach
    void aliceExists() {
        if (aliceId == null) {
            aliceId = (String) register("alice@example.com", "alice's passphrase").get("id");
        }
        key = signingKeys.current().block();
    }

    enum Attack {
        EXPIRED(t -> t.claims(c -> c.expirationTime(ago(120)))),
        NOT_YET_VALID(t -> t.claims(c -> c.notBeforeTime(Date.from(Instant.now().plusSeconds(600))))),
        WRONG_ISSUER(t -> t.claims(c -> c.issuer("https://evil.example"))),
        WRONG_AUDIENCE(t -> t.claims(c -> c.audience("some-other-api"))),
        WRONG_TYPE(t -> t.header(h -> h.type(JOSEObjectType.JWT))),
        UNKNOWN_KID(t -> t.header(h -> h.keyID("no-such-key"))),
        INJECTED_KID(t -> t.header(h -> h.keyID("../../../../dev/null"))),
        FOREIGN_KEY(t -> t.signWith(otherKey())),
        ALG_NONE(t -> t.unsigned = true),
        HS256_WITH_PUBLIC_KEY(t -> t.hmacWithPublicKey = true),
        TAMPERED_PAYLOAD(t -> t.tamper = true);

        final Consumer<Forge> how;

        Attack(Consumer<Forge> how) {
            this.how = how;
        }
    }

    static Stream<Arguments> attacks() {
        return Stream.of(Attack.values()).map(Arguments::of);
    }

    @ParameterizedTest
    @MethodSource("attacks")
    void forgedTokensAreRefused(Attack attack) {
        Forge forge = new Forge();
        attack.how.accept(forge);
        String token = forge.build();
        http.get().uri("/api/v1/users/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")
                .expectBody().jsonPath("$.type").isEqualTo("https://knag.io/problems/invalid-token");
    }

    @Test
    void theUntamperedForgeryBaselineIsAccepted() {
        http.get().uri("/api/v1/users/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + new Forge().build())
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.id").isEqualTo(aliceId);
    }

    @Test
    void missingOrMalformedAuthorizationIsRefused() {
        http.get().uri("/api/v1/users/me").exchange().expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .expectBody().jsonPath("$.type").isEqualTo("https://knag.io/problems/authentication-required");
        for (String header : new String[] {"Basic YWxpY2U6cHc=", "Bearer", "Bearer ", "Bearer a.b.c", "Token x"}) {
            http.get().uri("/api/v1/users/me").header(HttpHeaders.AUTHORIZATION, header).exchange()
                    .expectStatus().isUnauthorized()
                    .expectBody().jsonPath("$.type").isEqualTo("https://knag.io/problems/invalid-token");
        }
    }

    @Test
    void everyAccountEndpointNeedsAToken() {
        String before = database.dump("identity");
        http.patch().uri("/api/v1/users/me").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("displayName", "pwned")).exchange().expectStatus().isUnauthorized();
        http.method(org.springframework.http.HttpMethod.DELETE).uri("/api/v1/users/me")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("password", "alice's passphrase"))
                .exchange().expectStatus().isUnauthorized();
        http.post().uri("/api/v1/users/me/password").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("currentPassword", "alice's passphrase", "newPassword", "mallory's passphrase"))
                .exchange().expectStatus().isUnauthorized();
        assertThat(database.dump("identity")).isEqualTo(before);
    }

    @Test
    void anotherUsersTokenOnlyEverActsOnItsOwnAccount() {
        register("mallory@example.com", "mallory's passphrase");
        String mallory = (String) login("mallory@example.com", "mallory's passphrase").get("accessToken");
        String aliceBefore = database.query("SELECT display_name, password_hash FROM identity.accounts WHERE email = ?",
                "alice@example.com").toString();

        http.patch().uri("/api/v1/users/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + mallory)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("displayName", "Mallory"))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.email").isEqualTo("mallory@example.com");
        // Alice's password does not delete or re-key anything when presented with Mallory's token.
        http.method(org.springframework.http.HttpMethod.DELETE).uri("/api/v1/users/me")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + mallory)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("password", "alice's passphrase"))
                .exchange().expectStatus().isForbidden()
                .expectBody().jsonPath("$.type").isEqualTo("https://knag.io/problems/wrong-password");
        http.post().uri("/api/v1/users/me/password").header(HttpHeaders.AUTHORIZATION, "Bearer " + mallory)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("currentPassword", "alice's passphrase", "newPassword", "mallory owns alice"))
                .exchange().expectStatus().isForbidden();

        assertThat(database.query("SELECT display_name, password_hash FROM identity.accounts WHERE email = ?",
                "alice@example.com").toString()).isEqualTo(aliceBefore);
        assertThat(login("alice@example.com", "alice's passphrase")).containsKey("accessToken");
    }

    private Map<String, Object> register(String email, String password) {
        return http.post().uri("/api/v1/auth/register").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email, "password", password, "displayName", "X"))
                .exchange().expectStatus().isCreated()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult().getResponseBody();
    }

    private Map<String, Object> login(String email, String password) {
        return http.post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email, "password", password))
                .exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult().getResponseBody();
    }

    static Date ago(int seconds) {
        return Date.from(Instant.now().minusSeconds(seconds));
    }

    static PrivateKey otherKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair().getPrivate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Builds a token like the host's own, with one thing changed. */
    static final class Forge {
        JWSHeader.Builder header = new JWSHeader.Builder(JWSAlgorithm.RS256).type(new JOSEObjectType("at+jwt"))
                .keyID(key.kid());
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer("https://knag.test").audience("knag-api")
                .subject(aliceId).issueTime(ago(10)).notBeforeTime(ago(10))
                .expirationTime(Date.from(Instant.now().plusSeconds(600))).jwtID(UUID.randomUUID().toString());
        PrivateKey signingKey = key.privateKey();
        boolean unsigned;
        boolean hmacWithPublicKey;
        boolean tamper;

        Forge header(Consumer<JWSHeader.Builder> change) {
            change.accept(header);
            return this;
        }

        Forge claims(Consumer<JWTClaimsSet.Builder> change) {
            change.accept(claims);
            return this;
        }

        Forge signWith(PrivateKey other) {
            signingKey = other;
            return this;
        }

        String build() {
            try {
                if (unsigned) {
                    return new PlainJWT(claims.build()).serialize();
                }
                if (hmacWithPublicKey) {
                    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256)
                            .type(new JOSEObjectType("at+jwt")).keyID(key.kid()).build(), claims.build());
                    jwt.sign(new MACSigner(key.publicKey().getEncoded()));
                    return jwt.serialize();
                }
                SignedJWT jwt = new SignedJWT(header.build(), claims.build());
                jwt.sign(new RSASSASigner(signingKey));
                String token = jwt.serialize();
                if (tamper) {
                    String[] parts = token.split("\\.");
                    String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                            .replace(aliceId, UUID.randomUUID().toString());
                    return parts[0] + "." + Base64URL.encode(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
                }
                return token;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
