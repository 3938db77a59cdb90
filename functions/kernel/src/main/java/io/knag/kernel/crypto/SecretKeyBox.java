package io.knag.kernel.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals small secrets at rest (such as token-signing private keys) with AES-256-GCM under a key from
 * configuration. Blob: version byte {@code 1} | 12-byte nonce | ciphertext and 16-byte tag. The
 * associated data binds a blob to its row, so a blob copied to another row does not open.
 */
public final class SecretKeyBox {

    private static final byte VERSION = 1;
    private static final int NONCE_LENGTH = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;

    public SecretKeyBox(byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException("the key-encryption key must be 32 bytes (256 bits)");
        }
        this.key = new SecretKeySpec(key, "AES");
    }

    /** A box for a base64 (standard or url-safe) encoded 32-byte key. */
    public static SecretKeyBox fromBase64(String encoded) {
        byte[] decoded;
        try {
            decoded = encoded.contains("-") || encoded.contains("_")
                    ? Base64.getUrlDecoder().decode(encoded.strip())
                    : Base64.getDecoder().decode(encoded.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the key-encryption key is not valid base64");
        }
        try {
            return new SecretKeyBox(decoded);
        } finally {
            Arrays.fill(decoded, (byte) 0);
        }
    }

    public byte[] seal(byte[] plaintext, String associatedData) {
        byte[] nonce = Randoms.bytes(NONCE_LENGTH);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(1 + NONCE_LENGTH + sealed.length).put(VERSION).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    /** Opens a blob sealed under the same key and associated data, or throws {@link SealedBlobException}. */
    public byte[] open(byte[] blob, String associatedData) {
        if (blob.length < 1 + NONCE_LENGTH + TAG_BITS / 8 || blob[0] != VERSION) {
            throw new SealedBlobException("unknown or truncated sealed blob");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, blob, 1, NONCE_LENGTH));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(blob, 1 + NONCE_LENGTH, blob.length - 1 - NONCE_LENGTH);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new SealedBlobException("sealed blob does not open with this key and associated data");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    /** A sealed blob that is tampered, truncated, moved, of an unknown version, or sealed under another key. */
    public static final class SealedBlobException extends RuntimeException {
        public SealedBlobException(String message) {
            super(message, null, false, false);
        }
    }
}
