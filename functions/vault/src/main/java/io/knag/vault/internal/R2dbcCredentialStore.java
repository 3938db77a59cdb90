package io.knag.vault.internal;

import io.knag.kernel.UserId;
import io.knag.kernel.persistence.Columns;
import io.knag.vault.application.CredentialStore;
import io.knag.vault.domain.StoredCredential;
import io.r2dbc.spi.Readable;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

final class R2dbcCredentialStore implements CredentialStore {

    private static final String COLUMNS = "id, user_id, broker, label, fingerprint, sealed, created_at, updated_at";

    private final DatabaseClient db;

    R2dbcCredentialStore(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<Void> insert(StoredCredential c) {
        return db.sql("INSERT INTO vault.credentials (" + COLUMNS + ")"
                        + " VALUES (:id, :user, :broker, :label, :fingerprint, :sealed, :created, :updated)")
                .bind("id", c.id()).bind("user", c.owner().value()).bind("broker", c.broker()).bind("label", c.label())
                .bind("fingerprint", c.fingerprint()).bind("sealed", ByteBuffer.wrap(c.sealed()))
                .bind("created", c.createdAt()).bind("updated", c.updatedAt())
                .then();
    }

    @Override
    public Flux<StoredCredential> list(UserId owner) {
        return db.sql("SELECT " + COLUMNS + " FROM vault.credentials WHERE user_id = :user ORDER BY created_at, id")
                .bind("user", owner.value()).map(R2dbcCredentialStore::credential).all();
    }

    @Override
    public Mono<Long> count(UserId owner) {
        return db.sql("SELECT count(*) AS n FROM vault.credentials WHERE user_id = :user")
                .bind("user", owner.value()).map(row -> row.get("n", Long.class)).one();
    }

    @Override
    public Mono<StoredCredential> find(UserId owner, UUID id) {
        return db.sql("SELECT " + COLUMNS + " FROM vault.credentials WHERE user_id = :user AND id = :id")
                .bind("user", owner.value()).bind("id", id).map(R2dbcCredentialStore::credential).one();
    }

    @Override
    public Mono<Void> updateSecrets(StoredCredential c) {
        return db.sql("UPDATE vault.credentials SET sealed = :sealed, fingerprint = :fingerprint, updated_at = :updated"
                        + " WHERE user_id = :user AND id = :id")
                .bind("user", c.owner().value()).bind("id", c.id()).bind("sealed", ByteBuffer.wrap(c.sealed()))
                .bind("fingerprint", c.fingerprint()).bind("updated", c.updatedAt())
                .then();
    }

    @Override
    public Mono<Boolean> delete(UserId owner, UUID id) {
        return db.sql("DELETE FROM vault.credentials WHERE user_id = :user AND id = :id")
                .bind("user", owner.value()).bind("id", id).fetch().rowsUpdated().map(rows -> rows > 0);
    }

    @Override
    public Mono<Void> deleteAll(UserId owner) {
        return db.sql("DELETE FROM vault.credentials WHERE user_id = :user").bind("user", owner.value()).then();
    }

    private static StoredCredential credential(Readable row) {
        return new StoredCredential(row.get("id", UUID.class), new UserId(row.get("user_id", UUID.class)),
                row.get("broker", String.class), row.get("label", String.class), row.get("fingerprint", String.class),
                Columns.bytes(row.get("sealed", ByteBuffer.class)), row.get("created_at", Instant.class),
                row.get("updated_at", Instant.class));
    }
}
