package io.knag.identity.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.knag.identity.Login;
import io.knag.identity.Register;
import io.knag.identity.TokenPair;
import io.knag.identity.application.SigningKeys;
import io.knag.identity.domain.SigningKey;
import io.knag.identity.internal.IdentityFixture;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SigningKeysTest {

    IdentityFixture identity;

    @BeforeEach
    void setUp() {
        identity = new IdentityFixture();
    }

    @Test
    void noKeyExistsUntilFirstUseThenOneIsPersistedSealed() {
        assertThat(identity.database.query("SELECT count(*) FROM identity.signing_keys").get(0).get(0)).isEqualTo("0");
        SigningKey key = identity.signingKeys.current().block();
        String stored = identity.database.query("SELECT encode(sealed_private_key, 'hex') FROM identity.signing_keys")
                .get(0).get(0);
        String privateKeyHex = HexFormat.of().formatHex(key.privateKey().getEncoded());
        assertThat(stored).startsWith("01").doesNotContain(privateKeyHex.substring(64, 160));
        assertThat(key.kid()).matches("[A-Za-z0-9_-]{43}");
    }

    @Test
    void anotherInstanceOnTheSameDatabaseUsesTheSameKey() {
        SigningKey first = identity.signingKeys.current().block();
        SigningKeys second = identity.newSigningKeys();
        assertThat(second.current().block().kid()).isEqualTo(first.kid());
    }

    @Test
    void jwksPublishesOnlyPublicParts() {
        Map<String, Object> jwks = identity.signingKeys.jwks().block();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> keys = (List<Map<String, Object>>) jwks.get("keys");
        assertThat(keys).singleElement().satisfies(key -> {
            assertThat(key).containsEntry("kty", "RSA").containsEntry("alg", "RS256").containsEntry("use", "sig")
                    .containsKeys("kid", "n", "e").doesNotContainKeys("d", "p", "q", "dp", "dq", "qi");
        });
    }

    @Test
    void rotationKeepsThePreviousKeyPublishedUntilItsTokensExpire() {
        identity.accounts.register(new Register("a@example.com", "correct horse battery", "A")).block();
        TokenPair before = identity.sessions.login(new Login("a@example.com", "correct horse battery")).block();
        String oldKid = identity.signingKeys.current().block().kid();

        String newKid = identity.signingKeys.rotate().block();

        assertThat(newKid).isNotEqualTo(oldKid);
        assertThat(kids()).containsExactlyInAnyOrder(oldKid, newKid);
        assertThat(identity.verifier.verify(before.accessToken()).block()).isNotNull();
        TokenPair after = identity.sessions.login(new Login("a@example.com", "correct horse battery")).block();
        assertThat(identity.verifier.parse(after.accessToken()).kid()).isEqualTo(newKid);

        identity.clock.advance(Duration.ofMinutes(15 + 1 + 5).plusSeconds(1));
        identity.signingKeys.refresh().block();
        assertThat(kids()).containsExactly(newKid);
    }

    @Test
    void aKeyOlderThanTheRotationPeriodIsRotatedOnUse() {
        String oldKid = identity.signingKeys.current().block().kid();
        identity.clock.advance(Duration.ofDays(31));
        assertThat(identity.signingKeys.current().block().kid()).isNotEqualTo(oldKid);
        assertThat(identity.database.query("SELECT count(*) FROM identity.signing_keys WHERE retired_at IS NULL")
                .get(0).get(0)).isEqualTo("1");
    }

    @Test
    void aSecondInstanceLearnsOfANewKeyByRefreshingOnAnUnknownKid() {
        identity.signingKeys.current().block();
        SigningKeys other = identity.newSigningKeys();
        other.current().block();
        String newKid = identity.signingKeys.rotate().block();
        assertThat(other.find(newKid)).isEmpty();
        other.refresh().block();
        assertThat(other.find(newKid)).isPresent();
    }

    @SuppressWarnings("unchecked")
    private List<String> kids() {
        return ((List<Map<String, Object>>) identity.signingKeys.jwks().block().get("keys")).stream()
                .map(key -> (String) key.get("kid")).toList();
    }
}
