package io.knag.bots.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.knag.bots.BotImages;
import io.knag.bots.BotLogsQuery;
import io.knag.bots.BotStartRequested;
import io.knag.bots.BotStatusChanged;
import io.knag.bots.BotStopRequested;
import io.knag.bots.BotView;
import io.knag.bots.CreateBot;
import io.knag.bots.DeleteOutcome;
import io.knag.bots.StopBot;
import io.knag.bots.UpdateBot;
import io.knag.bots.domain.BotParams;
import io.knag.bots.domain.BotProblems;
import io.knag.bots.domain.BotState;
import io.knag.bots.domain.Resources;
import io.knag.bots.internal.BotsFixture;
import io.knag.kernel.ProblemType;
import io.knag.kernel.auth.Authenticated;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/** {@link Bots}: definitions (create, list, read, change, delete) and what a bot did, on the in-memory store. */
class BotsTest extends TwoOwners {

    @Test
    void aCreatedBotIsListedForItsOwnerOnlyWithItsHistory() {
        BotView bot = create(alice, "grid", aliceKeys.id());
        assertThat(bot.state()).isEqualTo(BotState.CREATED);
        assertThat(bot.params()).containsEntry("symbol", "BTC/USD");
        assertThat(fx.bots.list(alice).block()).extracting(BotView::id).containsExactly(bot.id());
        assertThat(fx.bots.list(bob).block()).isEmpty();
        assertThat(fx.bots.get(new Authenticated<>(alice, bot.id())).block()).isEqualTo(bot);
        assertThat(fx.bots.history(new Authenticated<>(alice, bot.id())).block()).extracting(BotStatusChanged::to)
                .containsExactly(BotState.CREATED);
        assertThat(fx.taken(BotStatusChanged.TYPE)).hasSize(1);
    }

    @Test
    void theImagesOnOfferAreTheAllowlistsEntriesWithItsPrefixesMarked() {
        StepVerifier.create(fx.bots.images(alice))
                .assertNext(images -> assertThat(images.images()).containsExactly(
                        new BotImages.Entry("knag/heartbeat-bot", false), new BotImages.Entry("ghcr.io/community/", true)))
                .verifyComplete();
    }

    @Test
    void anImageOffTheAllowlistOrAnotherUsersCredentialIsRefusedAndNothingIsStored() {
        assertProblem(() -> fx.bots.create(new Authenticated<>(alice, new CreateBot("x", "docker.io/evil/miner", aliceKeys.id(),
                null, null, null, null))).block(), BotProblems.IMAGE_NOT_ALLOWED);
        assertProblem(() -> create(alice, "x", bobKeys.id()), BotProblems.UNKNOWN_CREDENTIAL);
        assertProblem(() -> create(alice, "x", UUID.randomUUID()), BotProblems.UNKNOWN_CREDENTIAL);
        assertThat(fx.storedBots(alice.userId(), bob.userId())).isZero();
        assertThat(fx.events).isEmpty();
    }

    @Test
    void anotherUsersBotIsNotFoundForAnyOperation() {
        UUID bot = create(alice, "grid", aliceKeys.id()).id();
        List<Supplier<?>> calls = List.of(
                () -> fx.bots.get(new Authenticated<>(bob, bot)).block(),
                () -> fx.bots.update(new Authenticated<>(bob, new UpdateBot(bot, new UpdateBot.Changes("mine", null, null,
                        null, null, null, null)))).block(),
                () -> fx.bots.delete(new Authenticated<>(bob, bot)).block(),
                () -> start(bob, bot, "bob's long passphrase"),
                () -> fx.launches.stop(new Authenticated<>(bob, new StopBot(bot))).block(),
                () -> fx.bots.logs(new Authenticated<>(bob, new BotLogsQuery(bot, 10))).block(),
                () -> fx.bots.history(new Authenticated<>(bob, bot)).block());
        for (Supplier<?> call : calls) {
            assertProblem(call, ProblemType.NOT_FOUND);
        }
        assertThat(fx.bots.get(new Authenticated<>(alice, bot)).block().name()).isEqualTo("grid");
        assertThat(fx.runtime.calls).isEmpty();
    }

    @Test
    void anUpdateIsCheckedLikeACreate() {
        UUID bot = create(alice, "grid", aliceKeys.id()).id();
        assertProblem(() -> fx.bots.update(new Authenticated<>(alice, new UpdateBot(bot, new UpdateBot.Changes(null,
                "quay.io/x/y", null, null, null, null, null)))).block(), BotProblems.IMAGE_NOT_ALLOWED);
        assertProblem(() -> fx.bots.update(new Authenticated<>(alice, new UpdateBot(bot, new UpdateBot.Changes(null,
                null, bobKeys.id(), null, null, null, null)))).block(), BotProblems.UNKNOWN_CREDENTIAL);
        assertProblem(() -> fx.bots.update(new Authenticated<>(alice, new UpdateBot(bot, new UpdateBot.Changes(null,
                null, null, Map.of("blob", "x".repeat(20_000)), null, null, null)))).block(), BotProblems.PARAMS_TOO_LARGE);
        assertThat(fx.bots.get(new Authenticated<>(alice, bot)).block().image()).isEqualTo("knag/heartbeat-bot:1");
    }

    @Test
    void deletingARunningBotStopsItFirstThenItIsGone() {
        UUID stopped = create(alice, "idle", aliceKeys.id()).id();
        assertThat(fx.bots.delete(new Authenticated<>(alice, stopped)).block()).isEqualTo(DeleteOutcome.DELETED);
        UUID bot = create(alice, "grid", aliceKeys.id()).id();
        start(alice, bot, BotsFixture.PASSWORD);
        fx.deliver(BotStartRequested.TYPE);
        assertThat(fx.bots.delete(new Authenticated<>(alice, bot)).block()).isEqualTo(DeleteOutcome.STOPPING_THEN_DELETED);
        assertThat(fx.bots.get(new Authenticated<>(alice, bot)).block().deleting()).isTrue();
        assertProblem(() -> start(alice, bot, BotsFixture.PASSWORD), BotProblems.BOT_NOT_STOPPED);
        fx.deliver(BotStopRequested.TYPE);
        assertThat(fx.runtime.workloads).isEmpty();
        assertProblem(() -> fx.bots.get(new Authenticated<>(alice, bot)).block(), ProblemType.NOT_FOUND);
        assertThat(fx.store.history(bot, Bots.HISTORY_LIMIT).collectList().block()).isEmpty();
        assertThat(fx.store.history(stopped, Bots.HISTORY_LIMIT).collectList().block()).isEmpty();
    }

    @Test
    void paramsAreStoredAndHandedOnExactlyAsTheyWereCheckedAndConcurrentChangesAreKept() {
        List<Object> huge = new java.util.ArrayList<>();
        for (int i = 0; i < 60; i++) {
            huge.add(1e300);
        }
        UUID bot = fx.bots.create(new Authenticated<>(alice, new CreateBot("big numbers", "knag/heartbeat-bot", aliceKeys.id(),
                Map.of("a", huge), null, null, null))).block().id();
        assertThat(fx.bots.get(new Authenticated<>(alice, bot)).block().params()).containsKey("a");
        assertThat(fx.store.find(alice.userId(), bot).block().definition().params().json()).contains("1.0E300")
                .hasSizeLessThan(BotParams.MAX_BYTES);
        fx.bots.update(new Authenticated<>(alice, new UpdateBot(bot, new UpdateBot.Changes("renamed", null, null, null,
                null, null, null)))).block();
        fx.bots.update(new Authenticated<>(alice, new UpdateBot(bot, new UpdateBot.Changes(null, null, null, null,
                new Resources("200m", "64Mi"), null, null)))).block();
        BotView both = fx.bots.get(new Authenticated<>(alice, bot)).block();
        assertThat(both.name()).isEqualTo("renamed");
        assertThat(both.resources()).isEqualTo(new Resources("200m", "64Mi"));
        assertThat(fx.bots.delete(new Authenticated<>(alice, bot)).block()).isEqualTo(DeleteOutcome.DELETED);
    }

    @Test
    void anUnknownCredentialIsReportedBeforeAnOversizedBot() {
        assertProblem(() -> fx.bots.create(new Authenticated<>(alice, new CreateBot("huge", "knag/heartbeat-bot",
                UUID.randomUUID(), null, new Resources("1", "8Gi"), null, null))).block(), BotProblems.UNKNOWN_CREDENTIAL);
    }

    @Test
    void aBotLargerThanTheWholeQuotaIsRefusedWhenDefined() {
        assertProblem(() -> fx.bots.create(new Authenticated<>(alice, new CreateBot("huge", "knag/heartbeat-bot",
                aliceKeys.id(), null, new Resources("1", "8Gi"), null, null))).block(), BotProblems.QUOTA_EXCEEDED);
    }

}
