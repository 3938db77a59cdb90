package io.knag.identity.internal;

import io.knag.identity.application.SigningKeyStore;
import io.knag.identity.domain.StoredSigningKey;
import io.knag.kernel.Transactions;
import io.knag.kernel.persistence.Columns;
import io.r2dbc.spi.Readable;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

final class R2dbcSigningKeyStore implements SigningKeyStore {

    private static final String COLUMNS = "kid, public_key, sealed_private_key, created_at, retired_at";

    private final DatabaseClient db;
    private final Transactions transactions;
    private final Clock clock;

    R2dbcSigningKeyStore(DatabaseClient db, Transactions transactions, Clock clock) {
        this.db = db;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public Mono<StoredSigningKey> findActive() {
        return db.sql("SELECT " + COLUMNS + " FROM identity.signing_keys WHERE retired_at IS NULL")
                .map(R2dbcSigningKeyStore::key).one();
    }

    @Override
    public Flux<StoredSigningKey> findPublished(Instant retiredAfter) {
        return db.sql("SELECT " + COLUMNS + " FROM identity.signing_keys"
                        + " WHERE retired_at IS NULL OR retired_at > :after ORDER BY created_at DESC")
                .bind("after", retiredAfter)
                .map(R2dbcSigningKeyStore::key).all();
    }

    @Override
    public Mono<Boolean> insertActive(StoredSigningKey key) {
        return insert(key).thenReturn(true)
                .onErrorResume(DuplicateKeyException.class, e -> Mono.just(false));
    }

    @Override
    public Mono<Boolean> rotate(String currentKid, StoredSigningKey next) {
        return transactions.inTransaction(() -> db.sql(
                        "UPDATE identity.signing_keys SET retired_at = :now WHERE kid = :kid AND retired_at IS NULL")
                .bind("kid", currentKid).bind("now", clock.instant())
                .fetch().rowsUpdated()
                .flatMap(rows -> rows == 1 ? insert(next).thenReturn(true) : Mono.just(false)));
    }

    private Mono<Void> insert(StoredSigningKey key) {
        return db.sql("INSERT INTO identity.signing_keys (" + COLUMNS + ") VALUES (:kid, :public, :sealed, :created, NULL)")
                .bind("kid", key.kid()).bind("public", ByteBuffer.wrap(key.publicKey()))
                .bind("sealed", ByteBuffer.wrap(key.sealedPrivateKey())).bind("created", key.createdAt())
                .then();
    }

    private static StoredSigningKey key(Readable row) {
        return new StoredSigningKey(row.get("kid", String.class), Columns.bytes(row.get("public_key", ByteBuffer.class)),
                Columns.bytes(row.get("sealed_private_key", ByteBuffer.class)), row.get("created_at", Instant.class),
                row.get("retired_at", Instant.class));
    }

}
