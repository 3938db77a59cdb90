package io.knag.identity.internal;

import io.knag.identity.application.AccessTokens;
import io.knag.identity.application.Accounts;
import io.knag.identity.application.Sessions;
import io.knag.identity.application.SigningKeys;
import io.knag.identity.domain.PasswordPolicy;
import io.knag.kernel.Transactions;
import io.knag.kernel.auth.AccessTokenVerifier;
import io.knag.kernel.auth.TokenSettings;
import io.knag.kernel.crypto.Argon2Parameters;
import io.knag.kernel.crypto.Randoms;
import io.knag.kernel.crypto.SecretKeyBox;
import io.knag.kernel.events.Event;
import io.knag.kernel.events.EventPublisher;
import io.knag.kernel.persistence.R2dbcTransactions;
import io.knag.kernel.testing.TestDatabase;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/** The identity use cases wired by hand on a fresh real PostgreSQL database, with cheap Argon2 parameters. */
public final class IdentityFixture {

    public static final TokenSettings SETTINGS =
            new TokenSettings("https://knag.test", "knag-api", Duration.ofMinutes(15), Duration.ofSeconds(60));

    public final TestDatabase database;
    public final List<Event> events = new CopyOnWriteArrayList<>();
    public final MutableClock clock;
    /** Cheap Argon2 for tests; the vault's key wraps use the same. */
    public static final Argon2Parameters ARGON2 = new Argon2Parameters(256, 1, 1);
    public final io.knag.kernel.crypto.BoundedWork memoryHardWork =
            new io.knag.kernel.crypto.BoundedWork(4, 64, Duration.ofSeconds(10));
    public final CountingPasswordHasher hasher = new CountingPasswordHasher(new Argon2idPasswordHasher(ARGON2, memoryHardWork));
    public final Transactions transactions;
    public final SecretKeyBox keyEncryption = new SecretKeyBox(Randoms.bytes(32));
    private final DatabaseClient db;
    public final SigningKeys signingKeys;
    public final Accounts accounts;
    public final Sessions sessions;
    public final AccessTokenVerifier verifier;

    public IdentityFixture(MutableClock clock) {
        this(clock, io.knag.identity.application.VaultKeyring.NONE);
    }

    public IdentityFixture(MutableClock clock, io.knag.identity.application.VaultKeyring vault) {
        this(clock, TestDatabase.create(IdentityAutoConfiguration.MIGRATION), vault);
    }

    /** On {@code database} (which must have the identity schema), with {@code vault} as the keyring. */
    public IdentityFixture(MutableClock clock, TestDatabase database, io.knag.identity.application.VaultKeyring vault) {
        this.database = database;
        this.clock = clock;
        var connections = database.connectionFactory();
        db = DatabaseClient.create(connections);
        transactions = new R2dbcTransactions(TransactionalOperator.create(new R2dbcTransactionManager(connections)));
        EventPublisher publisher = event -> Mono.fromRunnable(() -> events.add(event));
        signingKeys = newSigningKeys();
        accounts = new Accounts(new R2dbcAccountStore(db, clock), new R2dbcSessionStore(db), hasher,
                new PasswordPolicy(), vault, publisher, transactions, clock);
        sessions = new Sessions(new R2dbcAccountStore(db, clock), new R2dbcSessionStore(db), hasher,
                new AccessTokens(signingKeys, SETTINGS, clock), transactions, Duration.ofDays(30), clock);
        verifier = new AccessTokenVerifier(signingKeys, SETTINGS, clock);
    }

    /** Another instance's view of the same signing keys (same database, same key-encryption key). */
    public SigningKeys newSigningKeys() {
        return new SigningKeys(new R2dbcSigningKeyStore(db, transactions, clock), keyEncryption, SETTINGS,
                Duration.ofDays(30), clock);
    }

    public IdentityFixture() {
        this(new MutableClock());
    }

    /** A clock the test moves by hand. */
    public static final class MutableClock extends Clock {
        private volatile java.time.Instant now = java.time.Instant.now();

        public void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public java.time.Instant instant() {
            return now;
        }
    }

    /** {@code password} hashed as an older release did (m=128 KiB), to see it rehashed at the next login. */
    public String hashedWithOldParameters(String password) {
        return new Argon2idPasswordHasher(new Argon2Parameters(128, 1, 1),
                new io.knag.kernel.crypto.BoundedWork(1, 1, java.time.Duration.ofSeconds(5))).hash(password).block();
    }
}
