package io.knag.bots.application;

import io.knag.kernel.crypto.Hashes;
import io.knag.kernel.crypto.HpkeBox;
import java.util.Base64;

/**
 * The bot manager's X25519 key pair: start requests carry credentials sealed to its public key, and only the
 * manager opens them. Configured (base64 private key) where events may outlive a manager process; otherwise
 * made at start-up, and a launch whose event outlives the process fails and is started again.
 */
public final class ManagerKey {

    private final byte[] privateKey;
    private final byte[] publicKey;

    private ManagerKey(byte[] privateKey) {
        if (privateKey.length != 32) {
            throw new IllegalArgumentException("the bot manager key must be 32 bytes (X25519), base64");
        }
        this.privateKey = privateKey;
        this.publicKey = HpkeBox.standard().publicKeyOf(privateKey);
    }

    public static ManagerKey generate() {
        return new ManagerKey(HpkeBox.standard().generateKeyPair()[0]);
    }

    public static ManagerKey fromBase64(String privateKey) {
        return new ManagerKey(Base64.getDecoder().decode(privateKey.strip()));
    }

    public byte[] publicKey() {
        return publicKey.clone();
    }

    byte[] privateKey() {
        return privateKey;
    }

    /**
     * A 32-byte key for one {@code purpose}, derived from the private key with HKDF-SHA256 (RFC 5869): the report
     * tokens' MAC key, so a manager that can open launches is also the one whose tokens verify.
     */
    public byte[] derive(String purpose) {
        return Hashes.hkdfSha256(privateKey, purpose, 32);
    }

    @Override
    public String toString() {
        return "ManagerKey[***]";
    }
}
