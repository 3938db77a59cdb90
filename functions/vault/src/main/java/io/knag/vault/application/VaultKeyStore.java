package io.knag.vault.application;

import io.knag.kernel.UserId;
import io.knag.vault.domain.VaultKey;
import java.time.Instant;
import reactor.core.publisher.Mono;

/** Where vault keys are kept. */
public interface VaultKeyStore {

    Mono<VaultKey> find(UserId user);

    /** As {@link #find}, and locks the row until the surrounding transaction ends. */
    Mono<VaultKey> findForUpdate(UserId user);

    /** Inserts or replaces the user's key (failures reset). */
    Mono<Void> put(UserId user, byte[] publicKey, byte[] passwordWrap, byte[] recoveryWrap, Instant at);

    /** Counts one more wrong password, atomically; emits the count now. Commits on its own. */
    Mono<Integer> recordFailure(UserId user);

    /** Keeps the vault locked until {@code lockedUntil}. */
    Mono<Void> lockUntil(UserId user, Instant lockedUntil);

    Mono<Void> clearFailures(UserId user);

    Mono<Void> delete(UserId user);
}
