package io.knag.kernel.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class SecretKeyBoxTest {

    final SecretKeyBox box = new SecretKeyBox(Randoms.bytes(32));
    final byte[] secret = "private key bytes".getBytes(StandardCharsets.UTF_8);

    @Test
    void opensWhatItSealed() {
        byte[] blob = box.seal(secret, "row-1");
        assertThat(blob[0]).isEqualTo((byte) 1);
        assertThat(box.open(blob, "row-1")).isEqualTo(secret);
    }

    @Test
    void refusesAFlippedBitATruncationAnotherRowAnotherKeyOrAnUnknownVersion() {
        byte[] blob = box.seal(secret, "row-1");
        for (int i = 0; i < blob.length; i++) {
            byte[] flipped = blob.clone();
            flipped[i] ^= 0x01;
            assertThatThrownBy(() -> box.open(flipped, "row-1")).isInstanceOf(SecretKeyBox.SealedBlobException.class);
        }
        assertThatThrownBy(() -> box.open(Arrays.copyOf(blob, blob.length - 1), "row-1"))
                .isInstanceOf(SecretKeyBox.SealedBlobException.class);
        assertThatThrownBy(() -> box.open(Arrays.copyOf(blob, 10), "row-1"))
                .isInstanceOf(SecretKeyBox.SealedBlobException.class);
        assertThatThrownBy(() -> box.open(blob, "row-2")).isInstanceOf(SecretKeyBox.SealedBlobException.class);
        assertThatThrownBy(() -> new SecretKeyBox(Randoms.bytes(32)).open(blob, "row-1"))
                .isInstanceOf(SecretKeyBox.SealedBlobException.class);
    }

    @Test
    void decryptsAKnownAnswer() {
        // AES-256-GCM, key 00..1f, nonce 00..0b, AAD "aad", plaintext "knag", computed with Node's crypto
        // (OpenSSL), an implementation independent of the JCA; pins the blob layout (version | nonce | ct+tag).
        SecretKeyBox fixed = new SecretKeyBox(HexFormat.of().parseHex(
                "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"));
        byte[] blob = HexFormat.of().parseHex(KNOWN_BLOB);
        assertThat(new String(fixed.open(blob, "aad"), StandardCharsets.UTF_8)).isEqualTo("knag");
    }

    @Test
    void rejectsKeysOfTheWrongSizeOrEncoding() {
        assertThatThrownBy(() -> new SecretKeyBox(new byte[16])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SecretKeyBox.fromBase64("not base64!")).isInstanceOf(IllegalArgumentException.class);
    }

    static final String KNOWN_BLOB = "01000102030405060708090a0b2c6cb77c34d303e1dcdeb03a05eddfc9deef4346";
}
