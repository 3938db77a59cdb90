package io.knag.vault.domain;

import io.knag.kernel.UserId;
import java.time.Instant;

/** A user's vault key pair as stored: the public key, and the private key only in wrapped form. */
public record VaultKey(UserId user, byte[] publicKey, byte[] passwordWrap, byte[] recoveryWrap, int failedAttempts,
                       Instant lockedUntil) {

    @Override
    public String toString() {
        return "VaultKey[user=" + user + "]";
    }
}
