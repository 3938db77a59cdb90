package io.knag.vault.internal;

import io.knag.kernel.UserId;
import io.knag.kernel.persistence.Columns;
import io.knag.vault.application.VaultKeyStore;
import io.knag.vault.domain.VaultKey;
import io.r2dbc.spi.Readable;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

final class R2dbcVaultKeyStore implements VaultKeyStore {

    private static final String COLUMNS = "user_id, public_key, password_wrap, recovery_wrap, failed_attempts, locked_until";

    private final DatabaseClient db;

    R2dbcVaultKeyStore(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<VaultKey> find(UserId user) {
        return db.sql("SELECT " + COLUMNS + " FROM vault.keys WHERE user_id = :user")
                .bind("user", user.value()).map(R2dbcVaultKeyStore::key).one();
    }

    @Override
    public Mono<VaultKey> findForUpdate(UserId user) {
        return db.sql("SELECT " + COLUMNS + " FROM vault.keys WHERE user_id = :user FOR UPDATE")
                .bind("user", user.value()).map(R2dbcVaultKeyStore::key).one();
    }

    @Override
    public Mono<Void> put(UserId user, byte[] publicKey, byte[] passwordWrap, byte[] recoveryWrap, Instant at) {
        var spec = db.sql("INSERT INTO vault.keys (user_id, public_key, password_wrap, recovery_wrap, created_at, updated_at)"
                        + " VALUES (:user, :public, :password, :recovery, :at, :at)"
                        + " ON CONFLICT (user_id) DO UPDATE SET public_key = EXCLUDED.public_key,"
                        + " password_wrap = EXCLUDED.password_wrap, recovery_wrap = EXCLUDED.recovery_wrap,"
                        + " failed_attempts = 0, locked_until = NULL, updated_at = EXCLUDED.updated_at")
                .bind("user", user.value()).bind("public", ByteBuffer.wrap(publicKey))
                .bind("password", ByteBuffer.wrap(passwordWrap)).bind("at", at);
        spec = recoveryWrap == null ? spec.bindNull("recovery", ByteBuffer.class)
                : spec.bind("recovery", ByteBuffer.wrap(recoveryWrap));
        return spec.then();
    }

    @Override
    public Mono<Integer> recordFailure(UserId user) {
        return db.sql("UPDATE vault.keys SET failed_attempts = failed_attempts + 1 WHERE user_id = :user"
                        + " RETURNING failed_attempts")
                .bind("user", user.value()).map(row -> row.get("failed_attempts", Integer.class)).one();
    }

    @Override
    public Mono<Void> lockUntil(UserId user, Instant lockedUntil) {
        return db.sql("UPDATE vault.keys SET locked_until = GREATEST(COALESCE(locked_until, :until), :until)"
                        + " WHERE user_id = :user")
                .bind("user", user.value()).bind("until", lockedUntil).then();
    }

    @Override
    public Mono<Void> clearFailures(UserId user) {
        return db.sql("UPDATE vault.keys SET failed_attempts = 0, locked_until = NULL WHERE user_id = :user")
                .bind("user", user.value()).then();
    }

    @Override
    public Mono<Void> delete(UserId user) {
        return db.sql("DELETE FROM vault.keys WHERE user_id = :user").bind("user", user.value()).then();
    }

    private static VaultKey key(Readable row) {
        return new VaultKey(new UserId(row.get("user_id", UUID.class)), Columns.bytes(row.get("public_key", ByteBuffer.class)),
                Columns.bytes(row.get("password_wrap", ByteBuffer.class)), Columns.bytes(row.get("recovery_wrap", ByteBuffer.class)),
                row.get("failed_attempts", Integer.class), row.get("locked_until", Instant.class));
    }

}
