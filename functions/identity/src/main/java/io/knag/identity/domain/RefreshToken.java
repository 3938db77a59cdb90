package io.knag.identity.domain;

import io.knag.kernel.UserId;
import java.time.Instant;
import java.util.UUID;

/**
 * A stored refresh token: only the SHA-256 of the token is kept. Tokens of one login share a
 * {@code familyId} and its absolute {@code expiresAt}; a token is spent ({@code rotatedAt}) on use.
 */
public record RefreshToken(UUID id, UUID familyId, UserId userId, byte[] tokenHash, Instant createdAt,
                           Instant expiresAt, Instant rotatedAt, Instant revokedAt) {

    public boolean spentOrRevoked() {
        return rotatedAt != null || revokedAt != null;
    }

    @Override
    public String toString() {
        return "RefreshToken[id=" + id + ", familyId=" + familyId + "]";
    }
}
