package io.knag.vault;

import io.knag.vault.domain.StoredCredential;
import java.time.Instant;
import java.util.UUID;

/**
 * A credential as its owner sees it: metadata only, never a secret. The fingerprint is a short random tag
 * of the current secret version (it changes on rotation and is derived from nothing secret).
 */
public record CredentialView(UUID id, String broker, String label, String fingerprint, Instant createdAt,
                             Instant updatedAt) {

    public static CredentialView of(StoredCredential credential) {
        return new CredentialView(credential.id(), credential.broker(), credential.label(), credential.fingerprint(),
                credential.createdAt(), credential.updatedAt());
    }
}
