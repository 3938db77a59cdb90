package io.knag.bots.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.knag.bots.BotStatusChanged;
import io.knag.bots.CreateBot;
import io.knag.bots.domain.Bot;
import io.knag.bots.domain.BotState;
import io.knag.kernel.Transactions;
import io.knag.kernel.UserId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * What every {@link BotStore} keeps and how, run on the R2DBC store ({@code R2dbcBotStoreTest}, real PostgreSQL)
 * and on the in-memory one the use-case tests use ({@code InMemoryBotStoreTest}), so that the two cannot drift.
 */
public abstract class BotStoreContract {

    protected final UserId alice = new UserId(UUID.randomUUID());
    protected final UserId bob = new UserId(UUID.randomUUID());
    private final Instant start = Instant.now().truncatedTo(ChronoUnit.MICROS);

    protected abstract BotStore store();

    protected abstract Transactions transactions();

    @Test
    void aBotIsFoundForItsOwnerOnlyAndLockedWhoeverOwnsIt() {
        Bot bot = bot(alice, "grid", 0);
        StepVerifier.create(store().insert(bot).then(store().find(alice, bot.id())))
                .assertNext(found -> assertThat(found).usingRecursiveComparison().isEqualTo(bot))
                .verifyComplete();
        StepVerifier.create(store().find(bob, bot.id())).verifyComplete();
        StepVerifier.create(store().list(bob)).verifyComplete();
        StepVerifier.create(store().count(alice)).expectNext(1L).verifyComplete();
        StepVerifier.create(store().lock(bot.id()).map(Bot::owner)).expectNext(alice).verifyComplete();
    }

    @Test
    void anOwnersBotsAreListedInTheOrderTheyWereCreated() {
        Bot second = bot(alice, "second", 2);
        Bot first = bot(alice, "first", 1);
        Bot bobs = bot(bob, "bob's", 0);
        StepVerifier.create(store().insert(second).then(store().insert(first)).then(store().insert(bobs))
                        .thenMany(store().list(alice).map(bot -> bot.definition().name())))
                .expectNext("first", "second")
                .verifyComplete();
    }

    @Test
    void anUpdateWritesTheDefinitionAndTheLifecycle() {
        Bot bot = bot(alice, "grid", 0);
        Bot moved = bot.nextLaunch(start.plusSeconds(5)).markedForDeletion(start.plusSeconds(6));
        StepVerifier.create(store().insert(bot).then(store().update(moved)).then(store().find(alice, bot.id())))
                .assertNext(found -> {
                    assertThat(found.state()).isEqualTo(BotState.STARTING);
                    assertThat(found.generation()).isEqualTo(1);
                    assertThat(found.deleting()).isTrue();
                    assertThat(found.updatedAt()).isEqualTo(start.plusSeconds(6));
                    assertThat(found.createdAt()).isEqualTo(bot.createdAt());
                })
                .verifyComplete();
    }

    @Test
    void theActiveBotsAreThoseStartingRunningOrStoppingLeastRecentlyChangedFirst() {
        Bot running = bot(alice, "running", 0).withState(BotState.RUNNING, start.plusSeconds(2));
        Bot starting = bot(bob, "starting", 1).withState(BotState.STARTING, start.plusSeconds(1));
        Bot stopped = bot(alice, "stopped", 2).withState(BotState.STOPPED, start.plusSeconds(3));
        StepVerifier.create(store().insert(running).then(store().insert(starting)).then(store().insert(stopped))
                        .thenMany(store().active().map(bot -> bot.definition().name())))
                .expectNext("starting", "running")
                .verifyComplete();
    }

    @Test
    void theHistoryIsTheNewestChangesOldestFirstAndGoesWithItsBot() {
        Bot bot = bot(alice, "grid", 0);
        StepVerifier.create(store().insert(bot)
                        .then(store().record(change(bot, null, BotState.CREATED, 0)))
                        .then(store().record(change(bot, BotState.CREATED, BotState.STARTING, 1)))
                        .then(store().record(change(bot, BotState.STARTING, BotState.RUNNING, 2)))
                        .thenMany(store().history(bot.id(), 2).map(BotStatusChanged::to)))
                .expectNext(BotState.STARTING, BotState.RUNNING)
                .verifyComplete();
        StepVerifier.create(store().delete(bot.id()).thenMany(store().history(bot.id(), 10))).verifyComplete();
        StepVerifier.create(store().find(alice, bot.id())).verifyComplete();
    }

    @Test
    void historyOfABotThatIsNotThereIsRefused() {
        StepVerifier.create(store().record(change(bot(alice, "ghost", 0), null, BotState.CREATED, 0)))
                .expectError()
                .verify();
    }

    @Test
    void anEventIsHandledOnceAndForgottenWhenOld() {
        UUID old = UUID.randomUUID();
        UUID recent = UUID.randomUUID();
        StepVerifier.create(store().markHandled(old, start).concatWith(store().markHandled(old, start.plusSeconds(1)))
                        .concatWith(store().markHandled(recent, start.plusSeconds(60))))
                .expectNext(true, false, true)
                .verifyComplete();
        StepVerifier.create(store().forgetHandledBefore(start.plusSeconds(30))).expectNext(1L).verifyComplete();
        StepVerifier.create(store().markHandled(old, start.plusSeconds(90))).expectNext(true).verifyComplete();
    }

    @Test
    void whatAFailedTransactionWroteIsNotThere() {
        Bot bot = bot(alice, "grid", 0);
        StepVerifier.create(transactions().inTransaction(() -> store().insert(bot)
                        .then(store().record(change(bot, null, BotState.CREATED, 0)))
                        .then(Mono.error(new IllegalStateException("the publisher is down")))))
                .expectErrorMessage("the publisher is down")
                .verify();
        StepVerifier.create(store().find(alice, bot.id())).verifyComplete();
        StepVerifier.create(store().count(alice)).expectNext(0L).verifyComplete();
    }

    private Bot bot(UserId owner, String name, int createdSecondsLater) {
        var definition = new CreateBot(name, "knag/heartbeat-bot", UUID.randomUUID(), Map.of("symbol", "BTCUSDT"), null,
                null, null).definition();
        Instant at = start.plusSeconds(createdSecondsLater);
        return new Bot(UUID.randomUUID(), owner, definition, BotState.CREATED, 0, false, at, at);
    }

    private BotStatusChanged change(Bot bot, BotState from, BotState to, int secondsLater) {
        return new BotStatusChanged(bot.id(), bot.owner().value(), from, to, start.plusSeconds(secondsLater), "test");
    }
}
