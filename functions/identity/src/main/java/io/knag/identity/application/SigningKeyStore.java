package io.knag.identity.application;

import io.knag.identity.domain.StoredSigningKey;
import java.time.Instant;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Where token-signing keys are kept; at most one is active (not retired) at a time. */
public interface SigningKeyStore {

    Mono<StoredSigningKey> findActive();

    /** The active key and every key retired after {@code retiredAfter}. */
    Flux<StoredSigningKey> findPublished(Instant retiredAfter);

    /** Stores {@code key} as the active key; emits false when another active key already exists. */
    Mono<Boolean> insertActive(StoredSigningKey key);

    /**
     * Retires {@code currentKid} and makes {@code next} active, in one transaction; emits false (and
     * changes nothing) when {@code currentKid} is no longer the active key.
     */
    Mono<Boolean> rotate(String currentKid, StoredSigningKey next);
}
