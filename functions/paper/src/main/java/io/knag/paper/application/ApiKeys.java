package io.knag.paper.application;

import io.knag.kernel.crypto.Hashes;
import io.knag.kernel.crypto.Randoms;
import io.knag.kernel.crypto.SecretKeyBox;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Paper API keys and secrets: 64 random letters and digits each, as the exchange issues them. The secret is kept
 * sealed (AES-256-GCM under the operator's paper key, bound to the account id) because checking a signature
 * needs it whole; it is opened for one check and wiped after it.
 */
public final class ApiKeys {

    private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    public static final int LENGTH = 64;

    private final SecretKeyBox box;

    public ApiKeys(SecretKeyBox box) {
        this.box = box;
    }

    public static String newKey() {
        byte[] random = Randoms.bytes(LENGTH);
        char[] key = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            key[i] = ALPHABET[(random[i] & 0xFF) % ALPHABET.length];
        }
        return new String(key);
    }

    public static boolean wellFormed(String key) {
        return key != null && key.length() == LENGTH && key.chars().allMatch(c -> c < 128 && Character.isLetterOrDigit(c));
    }

    byte[] seal(UUID accountId, String secret) {
        return box.seal(secret.getBytes(StandardCharsets.US_ASCII), aad(accountId));
    }

    /** True when {@code signature} (hex, any case) is HMAC-SHA256 of {@code payload} under the account's secret. */
    boolean verify(UUID accountId, byte[] sealed, String payload, String signature) {
        byte[] expected;
        byte[] given;
        try {
            given = HexFormat.of().parseHex(signature);
        } catch (IllegalArgumentException e) {
            return false;
        }
        byte[] secret = box.open(sealed, aad(accountId));
        try {
            expected = Hashes.hmacSha256(secret, payload.getBytes(StandardCharsets.UTF_8));
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
        return MessageDigest.isEqual(expected, given);
    }

    private static String aad(UUID accountId) {
        return "knag-paper-secret:" + accountId;
    }
}
