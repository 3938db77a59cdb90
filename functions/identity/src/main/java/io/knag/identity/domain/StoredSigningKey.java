package io.knag.identity.domain;

import java.time.Instant;

/** A signing key as stored: the public key (X.509 DER) and the private key (PKCS#8) sealed at rest. */
public record StoredSigningKey(String kid, byte[] publicKey, byte[] sealedPrivateKey, Instant createdAt,
                               Instant retiredAt) {

    @Override
    public String toString() {
        return "StoredSigningKey[kid=" + kid + "]";
    }
}
