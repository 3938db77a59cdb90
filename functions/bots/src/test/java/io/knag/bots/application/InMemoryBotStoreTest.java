package io.knag.bots.application;

import io.knag.kernel.Transactions;

/** The in-memory store keeps what the R2DBC store keeps ({@link BotStoreContract}). */
class InMemoryBotStoreTest extends BotStoreContract {

    private final InMemoryBotStore store = new InMemoryBotStore();

    @Override
    protected BotStore store() {
        return store;
    }

    @Override
    protected Transactions transactions() {
        return store;
    }
}
