package io.knag.identity.domain;

import com.nimbusds.jose.crypto.RSASSASigner;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;

/** An opened signing key, ready to sign. */
public record SigningKey(String kid, RSAPublicKey publicKey, RSAPrivateKey privateKey, Instant createdAt,
                         RSASSASigner signer) {

    public static SigningKey of(String kid, RSAPublicKey publicKey, RSAPrivateKey privateKey, Instant createdAt) {
        return new SigningKey(kid, publicKey, privateKey, createdAt, new RSASSASigner(privateKey));
    }

    @Override
    public String toString() {
        return "SigningKey[kid=" + kid + "]";
    }
}
