package io.knag.identity.application;

import io.knag.identity.domain.RecoveryCodes;
import io.knag.kernel.crypto.Hashes;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * Recovery codes carry 125 random bits, so a salted slow hash adds nothing against guessing: the
 * stored form is {@code sha256$<base64url>} of the normalised code, compared in constant time.
 */
final class RecoveryCodeHasher {

    private static final String PREFIX = "sha256$";

    String hash(String code) {
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(Hashes.sha256(RecoveryCodes.normalise(code)));
    }

    boolean matches(String code, String stored) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            return false;
        }
        byte[] expected;
        try {
            expected = Base64.getUrlDecoder().decode(stored.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(expected, Hashes.sha256(RecoveryCodes.normalise(code)));
    }
}
