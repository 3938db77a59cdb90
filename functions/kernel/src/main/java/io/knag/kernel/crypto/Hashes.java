package io.knag.kernel.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;

/**
 * SHA-256, for high-entropy values only (random tokens; passwords go through a password hasher), HMAC-SHA256, and
 * HKDF-SHA256 (RFC 5869) to derive a key for one purpose from another key.
 */
public final class Hashes {

    private Hashes() {
    }

    public static byte[] sha256(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    public static byte[] sha256(String input) {
        return sha256(input.getBytes(StandardCharsets.UTF_8));
    }

    public static byte[] hmacSha256(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM has HmacSHA256", e);
        }
    }

    /** {@code length} bytes for the purpose {@code info}, from {@code inputKey} (no salt). */
    public static byte[] hkdfSha256(byte[] inputKey, String info, int length) {
        var hkdf = new HKDFBytesGenerator(new SHA256Digest());
        hkdf.init(new HKDFParameters(inputKey, null, info.getBytes(StandardCharsets.US_ASCII)));
        byte[] key = new byte[length];
        hkdf.generateBytes(key, 0, length);
        return key;
    }
}
