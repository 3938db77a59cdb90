package io.knag.paper.internal;

import io.knag.kernel.crypto.Hashes;
import io.knag.kernel.crypto.SecretKeyBox;
import java.util.Arrays;
import java.util.Base64;

/**
 * The box that seals paper API secrets: under {@code knag.paper.key-encryption-key}, or under a key derived from the
 * identity key-encryption key with HKDF-SHA256 (RFC 5869, info {@code knag/paper/api-secrets}), so the two uses
 * never share a key.
 */
final class PaperKeys {

    private static final String INFO = "knag/paper/api-secrets";

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
            return Hashes.hkdfSha256(inputKey, INFO, 32);
        } finally {
            Arrays.fill(inputKey, (byte) 0);
        }
    }
}
