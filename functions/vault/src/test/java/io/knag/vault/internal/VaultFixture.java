package io.knag.vault.internal;

import io.knag.identity.internal.IdentityAutoConfiguration;
import io.knag.identity.internal.IdentityFixture;
import io.knag.kernel.crypto.BoundedWork;
import io.knag.kernel.persistence.SchemaMigration;
import io.knag.kernel.testing.TestDatabase;
import io.knag.vault.application.Credentials;
import io.knag.vault.application.VaultKeys;
import io.knag.vault.domain.AttemptPolicy;
import io.knag.vault.domain.Brokers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;

/** Identity and vault wired by hand on one fresh real PostgreSQL database, as one host runs them. */
public final class VaultFixture {

    public final TestDatabase database;
    public final IdentityFixture.MutableClock clock = new IdentityFixture.MutableClock();
    public final DatabaseClient db;
    final R2dbcVaultKeyStore keyStore;
    final R2dbcCredentialStore credentialStore;
    public final VaultKeys vaultKeys;
    public final IdentityFixture identity;
    public final Credentials credentials;

    public VaultFixture() {
        this(new SchemaMigration[0]);
    }

    /** With the schemas of further modules (the bots) in the same database. */
    public VaultFixture(SchemaMigration... more) {
        List<SchemaMigration> migrations = new ArrayList<>(List.of(IdentityAutoConfiguration.MIGRATION,
                VaultAutoConfiguration.MIGRATION));
        migrations.addAll(List.of(more));
        database = TestDatabase.create(migrations.toArray(SchemaMigration[]::new));
        db = DatabaseClient.create(database.connectionFactory());
        keyStore = new R2dbcVaultKeyStore(db);
        credentialStore = new R2dbcCredentialStore(db);
        vaultKeys = new VaultKeys(keyStore, credentialStore, IdentityFixture.ARGON2,
                new BoundedWork(4, 64, Duration.ofSeconds(10)),
                new AttemptPolicy(5, Duration.ofSeconds(30), Duration.ofMinutes(15)), clock);
        identity = new IdentityFixture(clock, database, vaultKeys);
        credentials = new Credentials(credentialStore, keyStore, vaultKeys, Brokers.load(), 50, clock);
    }
}
