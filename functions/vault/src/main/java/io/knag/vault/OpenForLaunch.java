package io.knag.vault;

import io.knag.kernel.UserId;
import java.util.Objects;
import java.util.UUID;

/**
 * Opens {@code credentialId} with the owner's password (normalised as identity normalises passwords, since
 * the vault key was wrapped under that form) and re-seals it to {@code recipientPublicKey} for one bot.
 */
public record OpenForLaunch(UserId owner, String password, UUID credentialId, UUID botId, byte[] recipientPublicKey) {

    public OpenForLaunch {
        Objects.requireNonNull(owner, "owner");
        password = io.knag.identity.domain.Passwords.normalise(Objects.requireNonNull(password, "password"));
        Objects.requireNonNull(credentialId, "credentialId");
        Objects.requireNonNull(botId, "botId");
        if (recipientPublicKey == null || recipientPublicKey.length != 32) {
            throw new IllegalArgumentException("the recipient public key must be 32 bytes (X25519)");
        }
    }

    @Override
    public String toString() {
        return "OpenForLaunch[owner=" + owner + ", credentialId=" + credentialId + ", botId=" + botId + ", password=***]";
    }
}
