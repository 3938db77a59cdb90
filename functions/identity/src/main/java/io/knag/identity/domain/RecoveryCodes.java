package io.knag.identity.domain;

import io.knag.kernel.crypto.Randoms;
import java.util.Locale;

/**
 * Recovery codes: 25 characters of Crockford base32 (125 bits), grouped by five for reading aloud.
 * Entered case-insensitively, with or without the dashes.
 */
public final class RecoveryCodes {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

    private RecoveryCodes() {
    }

    public static String generate() {
        byte[] bytes = Randoms.bytes(25);
        StringBuilder code = new StringBuilder(29);
        for (int i = 0; i < bytes.length; i++) {
            if (i > 0 && i % 5 == 0) {
                code.append('-');
            }
            code.append(ALPHABET[bytes[i] & 31]);
        }
        return code.toString();
    }

    /** Upper-cased, dashes and spaces removed, and the look-alikes I, L and O read as 1, 1 and 0. */
    public static String normalise(String code) {
        return code.toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "")
                .replace('I', '1').replace('L', '1').replace('O', '0');
    }
}
