package io.knag.vault.internal;

import io.knag.identity.internal.IdentityAutoConfiguration;
import io.knag.identity.internal.IdentityFixture;
import io.knag.kernel.crypto.BoundedWork;
import io.knag.kernel.testing.TestDatabase;
import io.knag.vault.AttemptPolicy;
import io.knag.vault.Brokers;
import io.knag.vault.Credentials;
import io.knag.vault.VaultKeys;
import java.time.Duration;
import org.springframework.r2dbc.core.DatabaseClient;

/** Identity and vault wired by hand on one fresh real PostgreSQL database, as one host runs them. */
final class VaultFixture {

    final TestDatabase database = TestDatabase.create(IdentityAutoConfiguration.MIGRATION, VaultAutoConfiguration.MIGRATION);
    final IdentityFixture.MutableClock clock = new IdentityFixture.MutableClock();
    final DatabaseClient db = DatabaseClient.create(database.connectionFactory());
    final R2dbcVaultKeyStore keyStore = new R2dbcVaultKeyStore(db);
    final R2dbcCredentialStore credentialStore = new R2dbcCredentialStore(db);
    final VaultKeys vaultKeys = new VaultKeys(keyStore, credentialStore, IdentityFixture.ARGON2,
            new BoundedWork(4, 64, Duration.ofSeconds(10)),
            new AttemptPolicy(5, Duration.ofSeconds(30), Duration.ofMinutes(15)), clock);
    final IdentityFixture identity = new IdentityFixture(clock, database, vaultKeys);
    final Credentials credentials = new Credentials(credentialStore, keyStore, vaultKeys, Brokers.load(), 50, clock);
}
