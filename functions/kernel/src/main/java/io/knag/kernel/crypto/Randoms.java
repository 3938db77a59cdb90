package io.knag.kernel.crypto;

import java.security.SecureRandom;
import java.util.Base64;

/** Cryptographically strong random bytes and tokens. */
public final class Randoms {

    private static final SecureRandom random = new SecureRandom();

    private Randoms() {
    }

    public static byte[] bytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    /** {@code length} random bytes as unpadded base64url. */
    public static String token(int length) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(length));
    }
}
