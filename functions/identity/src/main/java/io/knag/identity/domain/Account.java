package io.knag.identity.domain;

import io.knag.kernel.UserId;
import java.time.Instant;

/** A person's account. The hashes are PHC strings (algorithm and parameters beside each hash). */
public record Account(UserId id, String email, String displayName, String passwordHash, String recoveryHash,
                      Instant createdAt) {

    public Account withPasswordHash(String hash) {
        return new Account(id, email, displayName, hash, recoveryHash, createdAt);
    }

    @Override
    public String toString() {
        return "Account[id=" + id + "]";
    }
}
