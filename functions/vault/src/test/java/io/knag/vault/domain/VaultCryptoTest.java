package io.knag.vault.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.knag.kernel.UserId;
import io.knag.kernel.crypto.Argon2Parameters;
import io.knag.kernel.crypto.HpkeBox;
import io.knag.kernel.crypto.SecretKeyBox.SealedBlobException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import org.bouncycastle.crypto.hpke.HPKE;
import org.junit.jupiter.api.Test;

/** The vault's formats in plain JUnit: known answers, round trips, and every tamper and swap refused. */
class VaultCryptoTest {

    static final HexFormat HEX = HexFormat.of();
    static final Argon2Parameters CHEAP = new Argon2Parameters(256, 1, 1);
    final UserId alice = new UserId(UUID.randomUUID());
    final UserId bob = new UserId(UUID.randomUUID());
    final HpkeBox hpke = HpkeBox.standard();

    @Test
    void hpkeMatchesRfc9180AppendixA11() {
        // DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, AES-128-GCM, base mode, sequence 0.
        HpkeBox rfc = HpkeBox.withAead(HPKE.aead_AES_GCM128);
        byte[] skR = HEX.parseHex("4612c550263fc8ad58375df3f557aac531d26850903e55a9f23f21d8534e8ac8");
        byte[] pkR = HEX.parseHex("3948cfe0ad1ddb695d780e59077195da6c56506b027329794ab02bca80815c4d");
        byte[] skE = HEX.parseHex("52c4a758a802cd8b936eceea314432798d5baf2d7e9235dc084ab1b9cfa2f736");
        byte[] info = HEX.parseHex("4f6465206f6e2061204772656369616e2055726e");
        byte[] aad = HEX.parseHex("436f756e742d30");
        byte[] pt = HEX.parseHex("4265617574792069732074727574682c20747275746820626561757479");

        assertThat(rfc.publicKeyOf(skR)).isEqualTo(pkR);
        byte[][] sealed = rfc.seal(pkR, info, aad, pt, skE);
        assertThat(HEX.formatHex(sealed[0])).isEqualTo("37fda3567bdbd628e88668c3c8d7e97d1d1253b6d4ea6d44c150f741f1bf4431");
        assertThat(HEX.formatHex(sealed[1])).isEqualTo(
                "f938558b5d72f1a23810b4be2ab4f84331acc02fc97babc53a52ae8218a355a96d8770ac83d07bea87e13c512a");
        assertThat(rfc.open(skR, sealed[0], sealed[1], info, aad)).isEqualTo(pt);
    }

    @Test
    void credentialSealsOpenOnlyForTheirOwnerAndRow() {
        byte[][] pair = hpke.generateKeyPair();
        UUID id = UUID.randomUUID();
        byte[] plaintext = SecretsCodec.encode(Map.of("apiKey", "AKIA-marker", "apiSecret", "s3cr3t"));
        byte[] blob = CredentialSeals.seal(alice, id, pair[1], plaintext);

        assertThat(SecretsCodec.decode(CredentialSeals.open(alice, id, pair[0], blob)))
                .containsEntry("apiKey", "AKIA-marker").containsEntry("apiSecret", "s3cr3t");
        assertThat(new String(blob, StandardCharsets.ISO_8859_1)).doesNotContain("marker").doesNotContain("s3cr3t");
        for (int i = 0; i < blob.length; i++) {
            byte[] flipped = blob.clone();
            flipped[i] ^= 0x01;
            assertThatThrownBy(() -> CredentialSeals.open(alice, id, pair[0], flipped)).isInstanceOf(SealedBlobException.class);
        }
        assertThatThrownBy(() -> CredentialSeals.open(alice, UUID.randomUUID(), pair[0], blob))
                .as("moved to another credential").isInstanceOf(SealedBlobException.class);
        assertThatThrownBy(() -> CredentialSeals.open(bob, id, pair[0], blob))
                .as("moved to another user").isInstanceOf(SealedBlobException.class);
        assertThatThrownBy(() -> CredentialSeals.open(alice, id, hpke.generateKeyPair()[0], blob))
                .as("another vault key").isInstanceOf(SealedBlobException.class);
        assertThatThrownBy(() -> CredentialSeals.open(alice, id, pair[0], Arrays.copyOf(blob, blob.length - 1)))
                .as("truncated").isInstanceOf(SealedBlobException.class);
        assertThatThrownBy(() -> CredentialSeals.open(alice, id, pair[0], Arrays.copyOf(blob, 20)))
                .as("cut short").isInstanceOf(SealedBlobException.class);
        byte[] future = blob.clone();
        future[0] = 2;
        assertThatThrownBy(() -> CredentialSeals.open(alice, id, pair[0], future))
                .as("unknown version").isInstanceOf(SealedBlobException.class);
    }

    @Test
    void keyWrapsOpenOnlyWithTheirSecretForTheirUserAndPurpose() {
        byte[] privateKey = hpke.generateKeyPair()[0];
        byte[] byPassword = KeyWraps.wrapWithPassword(alice, privateKey, "correct horse battery", CHEAP);
        byte[] byCode = KeyWraps.wrapWithRecoveryCode(alice, privateKey, "ABCDE-FGHJK-MNPQR-STVWX-YZ012");

        assertThat(KeyWraps.unwrap(alice, "password", byPassword, KeyWraps.passwordKey("correct horse battery", byPassword)))
                .isEqualTo(privateKey);
        assertThat(KeyWraps.unwrap(alice, "recovery", byCode, KeyWraps.recoveryKey("abcdefghjkmnpqrstvwxyz012", byCode)))
                .as("the code is accepted in any case, without dashes").isEqualTo(privateKey);
        assertThat(byPassword[1]).isEqualTo((byte) 1);
        assertThat(byCode[1]).isEqualTo((byte) 2);

        assertThatThrownBy(() -> KeyWraps.unwrap(alice, "password", byPassword,
                KeyWraps.passwordKey("wrong horse battery", byPassword))).isInstanceOf(SealedBlobException.class);
        assertThatThrownBy(() -> KeyWraps.unwrap(bob, "password", byPassword,
                KeyWraps.passwordKey("correct horse battery", byPassword))).as("moved to bob").isInstanceOf(SealedBlobException.class);
        assertThatThrownBy(() -> KeyWraps.unwrap(alice, "recovery", byPassword,
                KeyWraps.passwordKey("correct horse battery", byPassword))).as("swapped purpose").isInstanceOf(SealedBlobException.class);
        assertThatThrownBy(() -> KeyWraps.recoveryKey("ABCDE-FGHJK-MNPQR-STVWX-YZ012", byPassword))
                .as("a password wrap is no recovery wrap").isInstanceOf(SealedBlobException.class);

        byte[] weakened = byPassword.clone();
        weakened[5] = 1; // m = 256 -> 257 KiB: the parameters are bound, so an edited header does not open
        assertThatThrownBy(() -> KeyWraps.unwrap(alice, "password", weakened,
                KeyWraps.passwordKey("correct horse battery", weakened))).isInstanceOf(SealedBlobException.class);
        for (int i = 30; i < byPassword.length; i++) {
            byte[] flipped = byPassword.clone();
            flipped[i] ^= 0x01;
            assertThatThrownBy(() -> KeyWraps.unwrap(alice, "password", flipped,
                    KeyWraps.passwordKey("correct horse battery", flipped))).isInstanceOf(SealedBlobException.class);
        }
        byte[] future = byPassword.clone();
        future[0] = 9;
        assertThatThrownBy(() -> KeyWraps.passwordKey("correct horse battery", future)).isInstanceOf(SealedBlobException.class);
        assertThatThrownBy(() -> KeyWraps.passwordKey("correct horse battery", Arrays.copyOf(byPassword, 40)))
                .isInstanceOf(SealedBlobException.class);
    }

    @Test
    void theWrapCarriesItsKdfParameters() {
        byte[] wrap = KeyWraps.wrapWithPassword(alice, new byte[32], "pw pw pw pw", new Argon2Parameters(512, 3, 1));
        var header = java.nio.ByteBuffer.wrap(wrap);
        assertThat(header.get()).isEqualTo((byte) 1);
        assertThat(header.get()).isEqualTo((byte) 1);
        assertThat(header.getInt()).isEqualTo(512);
        assertThat(header.getInt()).isEqualTo(3);
        assertThat(header.getInt()).isEqualTo(1);
    }

    @Test
    void secretsCodecRoundTripsAndRefusesGarbage() {
        Map<String, String> secrets = Map.of("apiKey", "k", "passphrase", "ünïcødé ✓", "apiSecret", "x".repeat(4096));
        assertThat(SecretsCodec.decode(SecretsCodec.encode(secrets))).isEqualTo(secrets);
        assertThat(SecretsCodec.decode(new byte[0])).isEmpty();
        assertThatThrownBy(() -> SecretsCodec.decode(new byte[] {0, 5, 'a'})).isInstanceOf(RuntimeException.class);
    }

    @Test
    void lockDoublesFromTheLimitUpToTheCap() {
        var policy = new AttemptPolicy(5, java.time.Duration.ofSeconds(30), java.time.Duration.ofMinutes(15));
        var now = java.time.Instant.parse("2026-01-01T00:00:00Z");
        assertThat(policy.lockedUntil(4, now)).isNull();
        assertThat(policy.lockedUntil(5, now)).isEqualTo(now.plusSeconds(30));
        assertThat(policy.lockedUntil(6, now)).isEqualTo(now.plusSeconds(60));
        assertThat(policy.lockedUntil(40, now)).isEqualTo(now.plusSeconds(900));
    }
}
