package io.knag.kernel.crypto;

import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.hpke.HPKE;
import org.bouncycastle.crypto.hpke.HPKEContextWithEncapsulation;

/**
 * HPKE (RFC 9180) base mode, single shot: DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, AES-256-GCM. Seals to
 * a 32-byte X25519 public key; only the holder of the private key opens. {@code info} names the purpose,
 * {@code aad} binds the ciphertext to where it belongs (owner, record, recipient).
 */
public final class HpkeBox {

    public static final short KEM = HPKE.kem_X25519_SHA256;
    public static final short KDF = HPKE.kdf_HKDF_SHA256;
    public static final short AEAD = HPKE.aead_AES_GCM256;

    private final short aead;

    private HpkeBox(short aead) {
        this.aead = aead;
    }

    /** The suite Knag uses. */
    public static HpkeBox standard() {
        return new HpkeBox(AEAD);
    }

    /** Another AEAD, for known-answer tests against RFC 9180's vectors (which use AES-128-GCM). */
    public static HpkeBox withAead(short aead) {
        return new HpkeBox(aead);
    }

    /** A new key pair: {@code [0]} the private key, {@code [1]} the public key (32 bytes each). */
    public byte[][] generateKeyPair() {
        HPKE hpke = hpke();
        AsymmetricCipherKeyPair pair = hpke.generatePrivateKey();
        return new byte[][] {hpke.serializePrivateKey(pair.getPrivate()), hpke.serializePublicKey(pair.getPublic())};
    }

    /** The public key of {@code privateKey}. */
    public byte[] publicKeyOf(byte[] privateKey) {
        HPKE hpke = hpke();
        return hpke.serializePublicKey(hpke.deserializePrivateKey(privateKey, null).getPublic());
    }

    /** Seals {@code plaintext}: {@code [0]} the encapsulated key, {@code [1]} the ciphertext with its tag. */
    public byte[][] seal(byte[] recipientPublicKey, byte[] info, byte[] aad, byte[] plaintext) {
        return seal(recipientPublicKey, info, aad, plaintext, null);
    }

    /** As {@link #seal(byte[], byte[], byte[], byte[])} with a given ephemeral private key (known-answer tests only). */
    public byte[][] seal(byte[] recipientPublicKey, byte[] info, byte[] aad, byte[] plaintext, byte[] ephemeralPrivateKey) {
        HPKE hpke = hpke();
        try {
            HPKEContextWithEncapsulation context = ephemeralPrivateKey == null
                    ? hpke.setupBaseS(hpke.deserializePublicKey(recipientPublicKey), info)
                    : hpke.setupBaseS(hpke.deserializePublicKey(recipientPublicKey), info,
                            hpke.deserializePrivateKey(ephemeralPrivateKey, null));
            return new byte[][] {context.getEncapsulation(), context.seal(aad, plaintext)};
        } catch (InvalidCipherTextException | IllegalArgumentException e) {
            throw new SecretKeyBox.SealedBlobException("cannot seal to this public key");
        }
    }

    /** Opens a ciphertext sealed to {@code privateKey}'s public key, or throws {@link SecretKeyBox.SealedBlobException}. */
    public byte[] open(byte[] privateKey, byte[] encapsulatedKey, byte[] ciphertext, byte[] info, byte[] aad) {
        HPKE hpke = hpke();
        try {
            AsymmetricCipherKeyPair pair = hpke.deserializePrivateKey(privateKey, null);
            return hpke.setupBaseR(encapsulatedKey, pair, info).open(aad, ciphertext);
        } catch (InvalidCipherTextException | IllegalArgumentException | IllegalStateException e) {
            throw new SecretKeyBox.SealedBlobException("sealed data does not open with this key and associated data");
        }
    }

    private HPKE hpke() {
        return new HPKE(HPKE.mode_base, KEM, KDF, aead);
    }
}
