package io.knag.identity.application;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;
import io.knag.identity.domain.SigningKey;
import io.knag.identity.domain.StoredSigningKey;
import io.knag.kernel.crypto.SecretKeyBox;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Arrays;

/** Makes RSA signing keys and turns them into their stored form and back; private keys sealed at rest. */
final class SigningKeyCodec {

    private static final int RSA_BITS = 2048;
    private final SecretKeyBox box;

    SigningKeyCodec(SecretKeyBox box) {
        this.box = box;
    }

    StoredSigningKey generate(Instant now) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(RSA_BITS);
            KeyPair pair = generator.generateKeyPair();
            RSAPublicKey publicKey = (RSAPublicKey) pair.getPublic();
            String kid = new RSAKey.Builder(publicKey).build().computeThumbprint().toString();
            byte[] pkcs8 = pair.getPrivate().getEncoded();
            try {
                return new StoredSigningKey(kid, publicKey.getEncoded(), box.seal(pkcs8, associatedData(kid)), now, null);
            } finally {
                Arrays.fill(pkcs8, (byte) 0);
            }
        } catch (GeneralSecurityException | JOSEException e) {
            throw new IllegalStateException("could not generate an RSA signing key", e);
        }
    }

    SigningKey open(StoredSigningKey stored) {
        byte[] pkcs8 = box.open(stored.sealedPrivateKey(), associatedData(stored.kid()));
        try {
            KeyFactory factory = KeyFactory.getInstance("RSA");
            var privateKey = (RSAPrivateKey) factory.generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            return SigningKey.of(stored.kid(), publicKey(stored), privateKey, stored.createdAt());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("stored signing key " + stored.kid() + " is unreadable", e);
        } finally {
            Arrays.fill(pkcs8, (byte) 0);
        }
    }

    static RSAPublicKey publicKey(StoredSigningKey stored) {
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(stored.publicKey()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("stored public key " + stored.kid() + " is unreadable", e);
        }
    }

    private static String associatedData(String kid) {
        return "knag/identity/signing-key/" + kid;
    }
}
