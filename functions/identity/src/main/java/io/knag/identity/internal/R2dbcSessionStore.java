package io.knag.identity.internal;

import io.knag.identity.application.SessionStore;
import io.knag.identity.domain.RefreshToken;
import io.knag.kernel.UserId;
import io.knag.kernel.persistence.Columns;
import io.r2dbc.spi.Readable;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

final class R2dbcSessionStore implements SessionStore {

    private final DatabaseClient db;

    R2dbcSessionStore(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<Void> insert(RefreshToken token) {
        return db.sql("INSERT INTO identity.refresh_tokens (id, family_id, user_id, token_hash, created_at, expires_at)"
                        + " VALUES (:id, :family, :user, :hash, :created, :expires)")
                .bind("id", token.id()).bind("family", token.familyId()).bind("user", token.userId().value())
                .bind("hash", ByteBuffer.wrap(token.tokenHash())).bind("created", token.createdAt())
                .bind("expires", token.expiresAt())
                .then();
    }

    @Override
    public Mono<RefreshToken> findByHash(byte[] tokenHash) {
        return db.sql("SELECT id, family_id, user_id, token_hash, created_at, expires_at, rotated_at, revoked_at"
                        + " FROM identity.refresh_tokens WHERE token_hash = :hash")
                .bind("hash", ByteBuffer.wrap(tokenHash))
                .map(R2dbcSessionStore::token).one();
    }

    @Override
    public Mono<Boolean> markRotated(UUID id, Instant at) {
        return db.sql("UPDATE identity.refresh_tokens SET rotated_at = :at"
                        + " WHERE id = :id AND rotated_at IS NULL AND revoked_at IS NULL")
                .bind("id", id).bind("at", at)
                .fetch().rowsUpdated().map(rows -> rows == 1);
    }

    @Override
    public Mono<Void> revokeFamily(UUID familyId, Instant at) {
        return db.sql("UPDATE identity.refresh_tokens SET revoked_at = :at WHERE family_id = :family AND revoked_at IS NULL")
                .bind("family", familyId).bind("at", at)
                .then();
    }

    @Override
    public Mono<Void> revokeAll(UserId userId, Instant at) {
        return db.sql("UPDATE identity.refresh_tokens SET revoked_at = :at WHERE user_id = :user AND revoked_at IS NULL")
                .bind("user", userId.value()).bind("at", at)
                .then();
    }

    @Override
    public Mono<Void> deleteExpired(UserId userId, Instant now) {
        return db.sql("DELETE FROM identity.refresh_tokens WHERE user_id = :user AND expires_at < :now")
                .bind("user", userId.value()).bind("now", now)
                .then();
    }

    private static RefreshToken token(Readable row) {
        return new RefreshToken(row.get("id", UUID.class), row.get("family_id", UUID.class),
                new UserId(row.get("user_id", UUID.class)), Columns.bytes(row.get("token_hash", ByteBuffer.class)), row.get("created_at", Instant.class),
                row.get("expires_at", Instant.class), row.get("rotated_at", Instant.class),
                row.get("revoked_at", Instant.class));
    }
}
