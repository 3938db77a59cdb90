package io.knag.bots.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.knag.bots.BotLogsQuery;
import io.knag.bots.BotStartRequested;
import io.knag.bots.BotStatusChanged;
import io.knag.bots.BotStopRequested;
import io.knag.bots.BotView;
import io.knag.bots.CreateBot;
import io.knag.bots.DeleteOutcome;
import io.knag.bots.StartBot;
import io.knag.bots.StopBot;
import io.knag.bots.UpdateBot;
import io.knag.bots.domain.BotParams;
import io.knag.bots.domain.BotProblems;
import io.knag.bots.domain.BotState;
import io.knag.bots.domain.Quotas;
import io.knag.bots.domain.Resources;
import io.knag.bots.internal.BotsFixture;
import io.knag.kernel.KnagException;
import io.knag.kernel.ProblemType;
import io.knag.kernel.auth.Authenticated;
import io.knag.kernel.auth.Caller;
import io.knag.kernel.events.Event;
import io.knag.vault.CredentialView;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The bots use cases on real PostgreSQL with the real vault: definitions, start and stop, and their bad input. */
class BotsTest {

    BotsFixture fx;
    Caller alice;
    Caller bob;
    CredentialView aliceKeys;
    CredentialView bobKeys;

    @BeforeEach
    void setUp() {
        setUp(new Quotas(20, 5, 4000, 4096));
    }

    void setUp(Quotas quotas) {
        fx = new BotsFixture(quotas);
        alice = fx.register("alice@example.com", BotsFixture.PASSWORD);
        bob = fx.register("bob@example.com", "bob's long passphrase");
        aliceKeys = fx.addCredential(alice, Map.of("keyId", "AK", "secretKey", "SK-ALICE"));
        bobKeys = fx.addCredential(bob, Map.of("keyId", "BK", "secretKey", "SK-BOB"));
    }

    BotView create(Caller caller, String name, UUID credential) {
        return fx.bots.create(new Authenticated<>(caller, new CreateBot(name, "knag/heartbeat-bot:1", credential,
                Map.of("symbol", "BTC/USD"), new Resources("250m", "128Mi"), null, null))).block();
    }

    BotView start(Caller caller, UUID bot, String password) {
        return fx.launches.start(new Authenticated<>(caller, new StartBot(bot, password))).block();
    }

    static void assertProblem(Supplier<?> call, io.knag.kernel.ProblemType type) {
        assertThatThrownBy(call::get).isInstanceOfSatisfying(KnagException.class, e -> assertThat(e.type()).isEqualTo(type));
    }

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
    void anImageOffTheAllowlistOrAnotherUsersCredentialIsRefusedAndNothingIsStored() {
        assertProblem(() -> fx.bots.create(new Authenticated<>(alice, new CreateBot("x", "docker.io/evil/miner", aliceKeys.id(),
                null, null, null, null))).block(), BotProblems.IMAGE_NOT_ALLOWED);
        assertProblem(() -> create(alice, "x", bobKeys.id()), BotProblems.UNKNOWN_CREDENTIAL);
        assertProblem(() -> create(alice, "x", UUID.randomUUID()), BotProblems.UNKNOWN_CREDENTIAL);
        assertThat(fx.vault.database.query("SELECT count(*) FROM bots.bots").get(0).get(0)).isEqualTo("0");
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
    void startingOpensTheCredentialAndTheManagerProvisionsIt() {
        UUID bot = create(alice, "grid", aliceKeys.id()).id();
        assertThat(start(alice, bot, BotsFixture.PASSWORD).state()).isEqualTo(BotState.STARTING);
        Event request = fx.events.stream().filter(e -> e.type().equals(BotStartRequested.TYPE)).findFirst().orElseThrow();
        assertThat(((BotStartRequested) request.data()).generation()).isEqualTo(1);
        fx.deliver(BotStartRequested.TYPE);
        assertThat(fx.runtime.workloads).containsKey(bot);
        assertThat(new String(fx.runtime.credentialFiles.get(0))).contains("\"secretKey\":\"SK-ALICE\"")
                .contains("\"broker\":\"alpaca\"").contains(aliceKeys.fingerprint());
        assertThat(fx.bots.get(new Authenticated<>(alice, bot)).block().state()).isEqualTo(BotState.RUNNING);
        assertThat(fx.bots.logs(new Authenticated<>(alice, new BotLogsQuery(bot, 5))).block().lines()).hasSize(1);
        assertThat(fx.bots.history(new Authenticated<>(alice, bot)).block()).extracting(BotStatusChanged::to)
                .containsExactly(BotState.CREATED, BotState.STARTING, BotState.RUNNING);
    }

    @Test
    void aWrongPasswordStartsNothingAndChangesNothing() {
        UUID bot = create(alice, "grid", aliceKeys.id()).id();
        fx.events.clear();
        assertProblem(() -> start(alice, bot, "not alice's passphrase"), ProblemType.WRONG_PASSWORD);
        assertThat(fx.bots.get(new Authenticated<>(alice, bot)).block().state()).isEqualTo(BotState.CREATED);
        assertThat(fx.events).isEmpty();
    }

    @Test
    void aRunningBotCannotBeStartedEditedOrStoppedTwice() {
        UUID bot = create(alice, "grid", aliceKeys.id()).id();
        start(alice, bot, BotsFixture.PASSWORD);
        fx.deliver(BotStartRequested.TYPE);
        assertProblem(() -> start(alice, bot, BotsFixture.PASSWORD), BotProblems.BOT_NOT_STOPPED);
        assertProblem(() -> fx.bots.update(new Authenticated<>(alice, new UpdateBot(bot, new UpdateBot.Changes("renamed",
                null, null, null, null, null, null)))).block(), BotProblems.BOT_NOT_STOPPED);
        assertThat(fx.launches.stop(new Authenticated<>(alice, new StopBot(bot))).block().state()).isEqualTo(BotState.STOPPING);
        assertProblem(() -> fx.launches.stop(new Authenticated<>(alice, new StopBot(bot))).block(), BotProblems.BOT_NOT_RUNNING);
        fx.deliver(BotStopRequested.TYPE);
        assertThat(fx.runtime.workloads).isEmpty();
        assertProblem(() -> fx.launches.stop(new Authenticated<>(alice, new StopBot(bot))).block(), BotProblems.BOT_NOT_RUNNING);
        BotView renamed = fx.bots.update(new Authenticated<>(alice, new UpdateBot(bot, new UpdateBot.Changes("renamed",
                null, null, null, null, null, null)))).block();
        assertThat(renamed.name()).isEqualTo("renamed");
        assertThat(renamed.state()).isEqualTo(BotState.STOPPED);
        assertThat(renamed.params()).containsEntry("symbol", "BTC/USD");
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
        assertThat(fx.vault.database.query("SELECT count(*) FROM bots.history").get(0).get(0)).isEqualTo("0");
    }

    @Test
    void quotasOnDefinedAndRunningBotsAndResourcesAreEnforcedBeforeProvisioning() {
        setUp(new Quotas(3, 1, 400, 4096));
        UUID first = create(alice, "one", aliceKeys.id()).id();
        UUID second = create(alice, "two", aliceKeys.id()).id();
        create(alice, "three", aliceKeys.id());
        assertProblem(() -> create(alice, "four", aliceKeys.id()), BotProblems.QUOTA_EXCEEDED);
        create(bob, "bobs", bobKeys.id());
        start(alice, first, BotsFixture.PASSWORD);
        assertProblem(() -> start(alice, second, BotsFixture.PASSWORD), BotProblems.QUOTA_EXCEEDED);
        fx.deliver(BotStartRequested.TYPE);
        assertThat(fx.runtime.workloads).containsOnlyKeys(first);
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
    void anImageTakenOffTheAllowlistCannotBeStartedAnyMore() {
        UUID bot = create(alice, "grid", aliceKeys.id()).id();
        assertProblem(() -> fx.launchesAllowing("ghcr.io/community/").start(new Authenticated<>(alice,
                new StartBot(bot, BotsFixture.PASSWORD))).block(), BotProblems.IMAGE_NOT_ALLOWED);
        assertThat(fx.bots.get(new Authenticated<>(alice, bot)).block().state()).isEqualTo(BotState.CREATED);
    }

    @Test
    void aBotLargerThanTheWholeQuotaIsRefusedWhenDefined() {
        assertProblem(() -> fx.bots.create(new Authenticated<>(alice, new CreateBot("huge", "knag/heartbeat-bot",
                aliceKeys.id(), null, new Resources("1", "8Gi"), null, null))).block(), BotProblems.QUOTA_EXCEEDED);
    }

    @Test
    void statusChangesComeFromTheFunctionThatMadeThem() {
        UUID bot = create(alice, "grid", aliceKeys.id()).id();
        start(alice, bot, BotsFixture.PASSWORD);
        fx.deliver(BotStartRequested.TYPE);
        assertThat(fx.taken(BotStatusChanged.TYPE)).extracting(Event::source)
                .containsExactly("/knag/bots", "/knag/bots", "/knag/bot-manager");
    }

    @Test
    void aFailingConsumerDoesNotFailTheRequestWhoseChangeIsCommitted() {
        var failing = new BotsFixture();
        Caller carol = failing.register("carol@example.com", BotsFixture.PASSWORD);
        var keys = failing.addCredential(carol, Map.of("keyId", "CK", "secretKey", "SK"));
        var launches = new Launches(failing.store, failing.credentials, new Quotas(20, 5, 4000, 4096),
                failing.allowlist, failing.managerKey, failing.lifecycle(
                        event -> reactor.core.publisher.Mono.error(new IllegalStateException("broker down"))));
        UUID bot = failing.bots.create(new Authenticated<>(carol, new CreateBot("b", "knag/heartbeat-bot", keys.id(),
                null, null, null, null))).block().id();
        assertThat(launches.start(new Authenticated<>(carol, new StartBot(bot, BotsFixture.PASSWORD))).block().state())
                .isEqualTo(BotState.STARTING);
    }

    @Test
    void aBotWhoseCredentialWasDeletedSaysSoWhenStarted() {
        UUID bot = create(alice, "grid", aliceKeys.id()).id();
        fx.vault.credentials.delete(new Authenticated<>(alice, aliceKeys.id())).block();
        assertProblem(() -> start(alice, bot, BotsFixture.PASSWORD), BotProblems.CREDENTIAL_MISSING);
    }
}
