package io.knag.paper.internal;

import io.knag.kernel.crypto.SecretKeyBox;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The box that seals paper API secrets: under {@code knag.paper.key-encryption-key}, or under a key derived from the
 * identity key-encryption key with HKDF-SHA256 (RFC 5869, info {@code knag/paper/api-secrets}), so the two uses
 * never share a key.
 */
final class PaperKeys {

    private static final byte[] INFO = "knag/paper/api-secrets".getBytes(StandardCharsets.US_ASCII);

    private PaperKeys() {
    }

    static SecretKeyBox box(String paperKey, String identityKey) {
        if (paperKey != null && !paperKey.isBlank()) {
            return SecretKeyBox.fromBase64(paperKey);
        }
        if (identityKey == null || identityKey.isBlank()) {
            throw new IllegalArgumentException("knag.paper.key-encryption-key is not set, nor knag.identity.key-encryption-key"
                    + " to derive it from: give one the base64 of 32 random bytes (openssl rand -base64 32)");
        }
        byte[] derived = derive(Base64.getDecoder().decode(identityKey.strip()));
        try {
            return new SecretKeyBox(derived);
        } finally {
            Arrays.fill(derived, (byte) 0);
        }
    }

    private static byte[] derive(byte[] inputKey) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(new byte[32], "HmacSHA256"));
            byte[] pseudoRandomKey = mac.doFinal(inputKey);
            mac.init(new SecretKeySpec(pseudoRandomKey, "HmacSHA256"));
            mac.update(INFO);
            mac.update((byte) 1);
            Arrays.fill(pseudoRandomKey, (byte) 0);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        } finally {
            Arrays.fill(inputKey, (byte) 0);
        }
    }
}
