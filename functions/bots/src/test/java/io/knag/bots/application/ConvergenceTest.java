package io.knag.bots.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.knag.bots.BotStartRequested;
import io.knag.bots.BotStatusChanged;
import io.knag.bots.CreateBot;
import io.knag.bots.StartBot;
import io.knag.bots.domain.BotState;
import io.knag.bots.domain.RestartPolicy;
import io.knag.bots.internal.BotsFixture;
import io.knag.bots.runtime.Observation;
import io.knag.bots.runtime.Workload;
import io.knag.bots.runtime.WorkloadPhase;
import io.knag.kernel.auth.Authenticated;
import io.knag.kernel.auth.Caller;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The manager keeps each bot's state true to its runtime: observations, reconcile, and the platform stopping. */
class ConvergenceTest {

    BotsFixture fx;
    Caller alice;
    UUID credential;

    @BeforeEach
    void setUp() {
        fx = BotsFixture.inMemory();
        alice = fx.register("alice@example.com", BotsFixture.PASSWORD);
        credential = fx.addCredential(alice, Map.of("keyId", "AK", "secretKey", "SK")).id();
    }

    UUID launched(WorkloadPhase phaseOnStart) {
        UUID bot = fx.bots.create(new Authenticated<>(alice, new CreateBot("b", "knag/heartbeat-bot", credential, null,
                null, new RestartPolicy("on-failure", 2), null))).block().id();
        fx.runtime.phaseOnStart = phaseOnStart;
        fx.launches.start(new Authenticated<>(alice, new StartBot(bot, BotsFixture.PASSWORD))).block();
        fx.deliver(BotStartRequested.TYPE);
        return bot;
    }

    BotState state(UUID bot) {
        return fx.store.find(alice.userId(), bot).block().state();
    }

    String lastDetail(UUID bot) {
        var history = fx.bots.history(new Authenticated<>(alice, bot)).block();
        return history.get(history.size() - 1).detail();
    }

    @Test
    void aPendingWorkloadBecomesRunningWhenTheRuntimeSeesItRun() {
        UUID bot = launched(WorkloadPhase.PENDING);
        assertThat(state(bot)).isEqualTo(BotState.STARTING);
        fx.convergence.observe(new Observation(bot, 1, Observation.Kind.RUNNING, "")).block();
        assertThat(state(bot)).isEqualTo(BotState.RUNNING);
    }

    @Test
    void aRestartIsRecordedAndRepeatedCrashesFailTheBotAndRemoveItsWorkload() {
        UUID bot = launched(WorkloadPhase.RUNNING);
        fx.convergence.observe(new Observation(bot, 1, Observation.Kind.RESTARTED, "restarted after exit code 1")).block();
        assertThat(state(bot)).isEqualTo(BotState.RUNNING);
        assertThat(lastDetail(bot)).isEqualTo("restarted after exit code 1");
        fx.convergence.observe(new Observation(bot, 1, Observation.Kind.FAILED, "crashed 3 times")).block();
        assertThat(state(bot)).isEqualTo(BotState.FAILED);
        assertThat(fx.runtime.workloads).doesNotContainKey(bot);
        assertThat(fx.taken(BotStatusChanged.TYPE)).extracting(e -> ((BotStatusChanged) e.data()).to())
                .endsWith(BotState.RUNNING, BotState.FAILED);
    }

    @Test
    void aVanishedWorkloadFailsTheBotAndACleanExitStopsIt() {
        UUID vanished = launched(WorkloadPhase.RUNNING);
        fx.convergence.observe(new Observation(vanished, 1, Observation.Kind.GONE, "its Deployment was deleted outside Knag"))
                .block();
        assertThat(state(vanished)).isEqualTo(BotState.FAILED);
        assertThat(lastDetail(vanished)).contains("Deployment was deleted");
        UUID finished = launched(WorkloadPhase.RUNNING);
        fx.convergence.observe(new Observation(finished, 1, Observation.Kind.EXITED, "ended by itself (exit code 0)")).block();
        assertThat(state(finished)).isEqualTo(BotState.STOPPED);
        assertThat(fx.runtime.workloads).isEmpty();
    }

    @Test
    void observationsOfAnEarlierLaunchOrAnUnknownBotChangeNoBot() {
        UUID bot = launched(WorkloadPhase.RUNNING);
        fx.convergence.observe(new Observation(bot, 0, Observation.Kind.FAILED, "old")).block();
        assertThat(state(bot)).isEqualTo(BotState.RUNNING);
        UUID stranger = UUID.randomUUID();
        fx.runtime.workloads.put(stranger, new Workload(stranger, UUID.randomUUID(), 1, WorkloadPhase.RUNNING));
        fx.convergence.observe(new Observation(stranger, 1, Observation.Kind.RUNNING, "")).block();
        assertThat(fx.runtime.workloads).containsOnlyKeys(bot);
    }

    @Test
    void afterAManagerRestartReconcileConvergesEveryBotOnWhatTheRuntimeHas() {
        UUID pendingThenRunning = launched(WorkloadPhase.PENDING);
        UUID runningButGone = launched(WorkloadPhase.RUNNING);
        UUID stuckStarting = launched(WorkloadPhase.PENDING);
        fx.runtime.workloads.remove(stuckStarting);
        fx.runtime.workloads.put(pendingThenRunning, new Workload(pendingThenRunning, alice.userId().value(), 1,
                WorkloadPhase.RUNNING));
        fx.runtime.workloads.remove(runningButGone);
        UUID orphan = UUID.randomUUID();
        fx.runtime.workloads.put(orphan, new Workload(orphan, alice.userId().value(), 3, WorkloadPhase.RUNNING));

        fx.clock.advance(Duration.ofSeconds(1));
        fx.convergence.reconcile().block();
        assertThat(state(pendingThenRunning)).isEqualTo(BotState.RUNNING);
        assertThat(state(runningButGone)).isEqualTo(BotState.FAILED);
        assertThat(state(stuckStarting)).isEqualTo(BotState.STARTING);
        assertThat(fx.runtime.workloads).containsOnlyKeys(pendingThenRunning);

        fx.clock.advance(Duration.ofMinutes(6));
        fx.convergence.reconcile().block();
        assertThat(state(stuckStarting)).isEqualTo(BotState.FAILED);
        assertThat(lastDetail(stuckStarting)).contains("did not complete");
    }

    @Test
    void aBotThatChangedAfterTheInventoryWasTakenIsLeftToTheNextRound() {
        UUID bot = launched(WorkloadPhase.RUNNING);
        fx.runtime.workloads.remove(bot);
        // The bot's last change is as new as the inventory (the clock has not moved): its launch may have
        // completed after the runtime was asked, so a missing workload proves nothing yet.
        fx.convergence.reconcile().block();
        assertThat(state(bot)).isEqualTo(BotState.RUNNING);
        fx.clock.advance(Duration.ofSeconds(1));
        fx.convergence.reconcile().block();
        assertThat(state(bot)).isEqualTo(BotState.FAILED);
    }

    @Test
    void aBotWhoseWorkloadEndedByItselfIsStoppedByReconcileEvenIfTheObservationWasLost() {
        UUID bot = launched(WorkloadPhase.RUNNING);
        fx.runtime.workloads.put(bot, new Workload(bot, alice.userId().value(), 1, WorkloadPhase.EXITED));
        fx.clock.advance(Duration.ofSeconds(1));
        fx.convergence.reconcile().block();
        assertThat(state(bot)).isEqualTo(BotState.STOPPED);
        assertThat(lastDetail(bot)).contains("ended by itself");
        assertThat(fx.runtime.workloads).doesNotContainKey(bot);
    }

    @Test
    void whenThePlatformStopsItsBotsAreStoppedAndRecordedSo() {
        UUID bot = launched(WorkloadPhase.RUNNING);
        fx.convergence.platformStopping().block();
        assertThat(state(bot)).isEqualTo(BotState.STOPPED);
        assertThat(lastDetail(bot)).isEqualTo("the platform stopped");
        assertThat(fx.runtime.workloads).isEmpty();
    }
}
