package io.knag.vault.domain;

import io.knag.kernel.UserId;
import java.time.Instant;
import java.util.UUID;

/** A credential as stored: metadata and the sealed secrets. */
public record StoredCredential(UUID id, UserId owner, String broker, String label, String fingerprint, byte[] sealed,
                               Instant createdAt, Instant updatedAt) {

    public StoredCredential withSecrets(byte[] newSealed, String newFingerprint, Instant at) {
        return new StoredCredential(id, owner, broker, label, newFingerprint, newSealed, createdAt, at);
    }

    @Override
    public String toString() {
        return "StoredCredential[id=" + id + "]";
    }
}
