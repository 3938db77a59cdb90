package io.knag.vault.domain;

import io.knag.kernel.UserId;
import io.knag.kernel.crypto.HpkeBox;
import io.knag.kernel.crypto.SecretKeyBox;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;

/**
 * Sealed credentials. Blob v1: version {@code 1} | the 32-byte HPKE encapsulated key | ciphertext and tag,
 * HPKE base mode with X25519, HKDF-SHA256 and AES-256-GCM to the owner's vault public key; the associated
 * data binds the owner and the credential id, so a blob copied to another row does not open.
 */
public final class CredentialSeals {

    static final byte VERSION = 1;
    private static final int ENC = 32;
    private static final byte[] INFO = "knag/vault/credential".getBytes(StandardCharsets.US_ASCII);
    private static final HpkeBox hpke = HpkeBox.standard();

    private CredentialSeals() {
    }

    public static byte[] seal(UserId owner, UUID credentialId, byte[] publicKey, byte[] plaintext) {
        byte[][] sealed = hpke.seal(publicKey, INFO, associatedData(owner, credentialId), plaintext);
        return ByteBuffer.allocate(1 + sealed[0].length + sealed[1].length).put(VERSION).put(sealed[0]).put(sealed[1])
                .array();
    }

    public static byte[] open(UserId owner, UUID credentialId, byte[] privateKey, byte[] blob) {
        if (blob == null || blob.length < 1 + ENC + 16 || blob[0] != VERSION) {
            throw new SecretKeyBox.SealedBlobException("unknown or truncated sealed credential");
        }
        return hpke.open(privateKey, Arrays.copyOfRange(blob, 1, 1 + ENC), Arrays.copyOfRange(blob, 1 + ENC, blob.length),
                INFO, associatedData(owner, credentialId));
    }

    private static byte[] associatedData(UserId owner, UUID credentialId) {
        return ("knag/vault/credential/v1|" + owner + "|" + credentialId).getBytes(StandardCharsets.US_ASCII);
    }
}
