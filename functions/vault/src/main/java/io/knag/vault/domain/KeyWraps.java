package io.knag.vault.domain;

import io.knag.kernel.UserId;
import io.knag.kernel.crypto.Argon2Parameters;
import io.knag.kernel.crypto.Argon2id;
import io.knag.kernel.crypto.Randoms;
import io.knag.kernel.crypto.SecretKeyBox;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;

/**
 * The wrapped forms of a vault private key. Blob v1: version {@code 1} | KDF ({@code 1} Argon2id from the
 * password, {@code 2} HKDF-SHA256 from the recovery code) | m | t | p (4 bytes each; 0 for HKDF) | 16-byte
 * salt | an AES-256-GCM box (version | nonce | ciphertext+tag) of the private key. The associated data binds
 * the user, the purpose and the whole header, so a blob moved to another user, swapped between purposes or
 * with edited KDF parameters does not open.
 */
public final class KeyWraps {

    static final byte VERSION = 1;
    static final byte ARGON2ID = 1;
    static final byte HKDF_SHA256 = 2;
    private static final int HEADER = 1 + 1 + 12 + 16;

    private KeyWraps() {
    }

    /** Wraps under a key derived from {@code password} (Argon2id with {@code parameters} and a fresh salt). */
    public static byte[] wrapWithPassword(UserId user, byte[] privateKey, String password, Argon2Parameters parameters) {
        byte[] header = header(ARGON2ID, parameters, Randoms.bytes(16));
        return wrap(user, "password", header, privateKey, derivePasswordKey(password, header));
    }

    /** Wraps under a key derived from the recovery code (HKDF-SHA256; the code carries 125 random bits). */
    public static byte[] wrapWithRecoveryCode(UserId user, byte[] privateKey, String recoveryCode) {
        byte[] header = header(HKDF_SHA256, null, Randoms.bytes(16));
        return wrap(user, "recovery", header, privateKey, deriveRecoveryKey(recoveryCode, header));
    }

    /** The key-derivation part of opening a password wrap: the slow, memory-hard step. */
    public static byte[] passwordKey(String password, byte[] blob) {
        return derivePasswordKey(password, checkedHeader(blob, ARGON2ID));
    }

    public static byte[] recoveryKey(String recoveryCode, byte[] blob) {
        return deriveRecoveryKey(recoveryCode, checkedHeader(blob, HKDF_SHA256));
    }

    private static byte[] derivePasswordKey(String password, byte[] header) {
        ByteBuffer in = ByteBuffer.wrap(header);
        in.position(2);
        Argon2Parameters parameters = new Argon2Parameters(in.getInt(), in.getInt(), in.getInt());
        byte[] salt = Arrays.copyOfRange(header, 14, HEADER);
        byte[] secret = password.getBytes(StandardCharsets.UTF_8);
        try {
            return Argon2id.derive(secret, salt, parameters, 32);
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    private static byte[] deriveRecoveryKey(String recoveryCode, byte[] header) {
        byte[] salt = Arrays.copyOfRange(header, 14, HEADER);
        byte[] ikm = io.knag.identity.domain.RecoveryCodes.normalise(recoveryCode).getBytes(StandardCharsets.US_ASCII);
        var hkdf = new HKDFBytesGenerator(new SHA256Digest());
        hkdf.init(new HKDFParameters(ikm, salt, "knag/vault/recovery".getBytes(StandardCharsets.US_ASCII)));
        byte[] key = new byte[32];
        hkdf.generateBytes(key, 0, key.length);
        Arrays.fill(ikm, (byte) 0);
        return key;
    }

    /** Opens {@code blob} with a key from {@link #passwordKey} or {@link #recoveryKey}; wipes that key. */
    public static byte[] unwrap(UserId user, String purpose, byte[] blob, byte[] key) {
        try {
            byte[] header = Arrays.copyOf(blob, HEADER);
            return new SecretKeyBox(key).open(Arrays.copyOfRange(blob, HEADER, blob.length), associatedData(user, purpose, header));
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    private static byte[] wrap(UserId user, String purpose, byte[] header, byte[] privateKey, byte[] key) {
        try {
            byte[] box = new SecretKeyBox(key).seal(privateKey, associatedData(user, purpose, header));
            return ByteBuffer.allocate(header.length + box.length).put(header).put(box).array();
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    private static byte[] header(byte kdf, Argon2Parameters parameters, byte[] salt) {
        return ByteBuffer.allocate(HEADER).put(VERSION).put(kdf)
                .putInt(parameters == null ? 0 : parameters.memoryKiB())
                .putInt(parameters == null ? 0 : parameters.iterations())
                .putInt(parameters == null ? 0 : parameters.parallelism())
                .put(salt).array();
    }

    private static byte[] checkedHeader(byte[] blob, byte kdf) {
        if (blob == null || blob.length < HEADER + 1 + 12 + 16 || blob[0] != VERSION || blob[1] != kdf) {
            throw new SecretKeyBox.SealedBlobException("unknown or truncated vault key wrap");
        }
        return Arrays.copyOf(blob, HEADER);
    }

    private static String associatedData(UserId user, String purpose, byte[] header) {
        return "knag/vault/key/v1|" + user + "|" + purpose + "|" + Base64.getEncoder().encodeToString(header);
    }
}
