package io.knag.bots.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.knag.bots.BotLogsQuery;
import io.knag.bots.BotStartRequested;
import io.knag.bots.BotStatusChanged;
import io.knag.bots.BotStopRequested;
import io.knag.bots.BotView;
import io.knag.bots.CreateBot;
import io.knag.bots.StartBot;
import io.knag.bots.StopBot;
import io.knag.bots.UpdateBot;
import io.knag.bots.domain.BotProblems;
import io.knag.bots.domain.BotState;
import io.knag.bots.domain.Quotas;
import io.knag.bots.internal.BotsFixture;
import io.knag.kernel.ProblemType;
import io.knag.kernel.auth.Authenticated;
import io.knag.kernel.auth.Caller;
import io.knag.kernel.events.Event;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@link Launches}: start with the password and stop, and what the bot manager makes of them, on the in-memory store. */
class LaunchesTest extends TwoOwners {

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
    void anImageTakenOffTheAllowlistCannotBeStartedAnyMore() {
        UUID bot = create(alice, "grid", aliceKeys.id()).id();
        assertProblem(() -> fx.launchesAllowing("ghcr.io/community/").start(new Authenticated<>(alice,
                new StartBot(bot, BotsFixture.PASSWORD))).block(), BotProblems.IMAGE_NOT_ALLOWED);
        assertThat(fx.bots.get(new Authenticated<>(alice, bot)).block().state()).isEqualTo(BotState.CREATED);
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
        var failing = BotsFixture.inMemory();
        Caller carol = failing.register("carol@example.com", BotsFixture.PASSWORD);
        var keys = failing.addCredential(carol, Map.of("keyId", "CK", "secretKey", "SK"));
        var launches = new Launches(failing.store, failing.credentials, BotsFixture.QUOTAS,
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
        fx.deleteCredential(alice, aliceKeys.id());
        assertProblem(() -> start(alice, bot, BotsFixture.PASSWORD), BotProblems.CREDENTIAL_MISSING);
    }
}
