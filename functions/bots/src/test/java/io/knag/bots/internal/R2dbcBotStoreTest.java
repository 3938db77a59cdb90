package io.knag.bots.internal;

import io.knag.bots.application.BotStore;
import io.knag.bots.application.BotStoreContract;
import io.knag.kernel.Transactions;
import io.knag.vault.internal.VaultFixture;
import org.springframework.r2dbc.core.DatabaseClient;

/** The R2DBC store on a fresh real PostgreSQL database ({@link BotStoreContract}). */
class R2dbcBotStoreTest extends BotStoreContract {

    private final VaultFixture database = new VaultFixture(BotsAutoConfiguration.MIGRATION);
    private final R2dbcBotStore store = new R2dbcBotStore(DatabaseClient.create(database.database.connectionFactory()));

    @Override
    protected BotStore store() {
        return store;
    }

    @Override
    protected Transactions transactions() {
        return database.identity.transactions;
    }
}
