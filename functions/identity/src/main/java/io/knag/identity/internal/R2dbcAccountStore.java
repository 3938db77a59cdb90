package io.knag.identity.internal;

import io.knag.identity.application.AccountStore;
import io.knag.identity.domain.Account;
import io.knag.identity.domain.IdentityProblems;
import io.knag.kernel.KnagException;
import io.knag.kernel.UserId;
import io.r2dbc.spi.Readable;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

final class R2dbcAccountStore implements AccountStore {

    private static final String COLUMNS = "id, email, display_name, password_hash, recovery_hash, created_at";

    private final DatabaseClient db;
    private final Clock clock;

    R2dbcAccountStore(DatabaseClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public Mono<Account> insert(Account account) {
        return db.sql("INSERT INTO identity.accounts (" + COLUMNS + ", updated_at)"
                        + " VALUES (:id, :email, :name, :hash, :recovery, :created, :created)")
                .bind("id", account.id().value())
                .bind("email", account.email())
                .bind("name", account.displayName())
                .bind("hash", account.passwordHash())
                .bind("recovery", account.recoveryHash())
                .bind("created", account.createdAt())
                .then()
                .onErrorMap(DuplicateKeyException.class, e -> new KnagException(IdentityProblems.EMAIL_TAKEN,
                        "An account with this email already exists"))
                .thenReturn(account);
    }

    @Override
    public Mono<Account> findById(UserId id) {
        return db.sql("SELECT " + COLUMNS + " FROM identity.accounts WHERE id = :id")
                .bind("id", id.value()).map(R2dbcAccountStore::account).one();
    }

    @Override
    public Mono<Account> findByEmail(String email) {
        return db.sql("SELECT " + COLUMNS + " FROM identity.accounts WHERE email = :email")
                .bind("email", email).map(R2dbcAccountStore::account).one();
    }

    @Override
    public Mono<Account> findByIdForUpdate(UserId id) {
        return db.sql("SELECT " + COLUMNS + " FROM identity.accounts WHERE id = :id FOR UPDATE")
                .bind("id", id.value()).map(R2dbcAccountStore::account).one();
    }

    @Override
    public Mono<Account> findByEmailForUpdate(String email) {
        return db.sql("SELECT " + COLUMNS + " FROM identity.accounts WHERE email = :email FOR UPDATE")
                .bind("email", email).map(R2dbcAccountStore::account).one();
    }

    @Override
    public Mono<Account> updateDisplayName(UserId id, String displayName) {
        return db.sql("UPDATE identity.accounts SET display_name = :name, updated_at = :now WHERE id = :id"
                        + " RETURNING " + COLUMNS)
                .bind("id", id.value()).bind("name", displayName).bind("now", clock.instant())
                .map(R2dbcAccountStore::account).one();
    }

    @Override
    public Mono<Void> updatePasswordHash(UserId id, String passwordHash) {
        return db.sql("UPDATE identity.accounts SET password_hash = :hash, updated_at = :now WHERE id = :id")
                .bind("id", id.value()).bind("hash", passwordHash).bind("now", clock.instant())
                .then();
    }

    @Override
    public Mono<Void> updateSecrets(UserId id, String passwordHash, String recoveryHash) {
        return db.sql("UPDATE identity.accounts SET password_hash = :hash, recovery_hash = :recovery,"
                        + " updated_at = :now WHERE id = :id")
                .bind("id", id.value()).bind("hash", passwordHash).bind("recovery", recoveryHash)
                .bind("now", clock.instant())
                .then();
    }

    @Override
    public Mono<Boolean> delete(UserId id) {
        return db.sql("DELETE FROM identity.accounts WHERE id = :id").bind("id", id.value())
                .fetch().rowsUpdated().map(rows -> rows > 0);
    }

    private static Account account(Readable row) {
        return new Account(new UserId(row.get("id", UUID.class)), row.get("email", String.class),
                row.get("display_name", String.class), row.get("password_hash", String.class),
                row.get("recovery_hash", String.class), row.get("created_at", Instant.class));
    }
}
