package io.knag.identity.application;

import io.knag.identity.domain.RefreshToken;
import io.knag.kernel.UserId;
import java.time.Instant;
import java.util.UUID;
import reactor.core.publisher.Mono;

/** Where refresh tokens (sessions) are kept, by hash only. */
public interface SessionStore {

    Mono<Void> insert(RefreshToken token);

    Mono<RefreshToken> findByHash(byte[] tokenHash);

    /** Marks the token spent unless it already is; emits true only for the call that spent it. */
    Mono<Boolean> markRotated(UUID id, Instant at);

    Mono<Void> revokeFamily(UUID familyId, Instant at);

    Mono<Void> revokeAll(UserId userId, Instant at);

    /** Forgets {@code userId}'s tokens that expired before {@code now}: they can no longer be used or reused. */
    Mono<Void> deleteExpired(UserId userId, Instant now);
}
