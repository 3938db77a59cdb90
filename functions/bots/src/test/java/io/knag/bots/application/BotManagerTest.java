package io.knag.bots.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.knag.bots.BotStartRequested;
import io.knag.bots.BotStopRequested;
import io.knag.bots.CreateBot;
import io.knag.bots.StartBot;
import io.knag.bots.StopBot;
import io.knag.bots.domain.BotState;
import io.knag.bots.internal.BotsFixture;
import io.knag.kernel.auth.Authenticated;
import io.knag.kernel.auth.Caller;
import io.knag.kernel.events.Event;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * At-least-once delivery: duplicated, reordered, late and malformed start and stop events end in exactly the
 * state one ordered delivery gives, and never leave two workloads or a stopped bot running.
 */
class BotManagerTest {

    BotsFixture fx;
    Caller alice;
    UUID credential;

    @BeforeEach
    void setUp() {
        fx = BotsFixture.inMemory();
        alice = fx.register("alice@example.com", BotsFixture.PASSWORD);
        credential = fx.addCredential(alice, Map.of("keyId", "AK", "secretKey", "SK")).id();
    }

    UUID newBot() {
        return fx.bots.create(new Authenticated<>(alice, new CreateBot("b", "knag/heartbeat-bot", credential, null, null,
                null, null))).block().id();
    }

    void start(UUID bot) {
        fx.launches.start(new Authenticated<>(alice, new StartBot(bot, BotsFixture.PASSWORD))).block();
    }

    void stop(UUID bot) {
        fx.launches.stop(new Authenticated<>(alice, new StopBot(bot))).block();
    }

    BotState state(UUID bot) {
        return fx.store.find(alice.userId(), bot).block().state();
    }

    List<Event> requests() {
        List<Event> requests = new ArrayList<>(fx.taken(BotStartRequested.TYPE));
        requests.addAll(fx.taken(BotStopRequested.TYPE));
        requests.sort(java.util.Comparator.comparing(Event::time));
        return requests;
    }

    void handle(List<Event> events) {
        events.forEach(event -> fx.manager.handle(event).block());
    }

    @Test
    void aDuplicatedStartGivesOneRunningBot() {
        UUID bot = newBot();
        start(bot);
        List<Event> once = requests();
        handle(once);
        handle(once);
        handle(once);
        assertThat(state(bot)).isEqualTo(BotState.RUNNING);
        assertThat(fx.runtime.calls).containsExactly("start " + bot + " 1");
        assertThat(fx.runtime.workloads).hasSize(1);
    }

    @Test
    void aStopDeliveredBeforeItsStartLeavesTheBotStoppedAndNothingRunning() {
        UUID bot = newBot();
        start(bot);
        stop(bot);
        List<Event> ordered = requests();
        assertThat(ordered).extracting(Event::type).containsExactly(BotStartRequested.TYPE, BotStopRequested.TYPE);
        handle(List.of(ordered.get(1), ordered.get(0)));
        assertThat(state(bot)).isEqualTo(BotState.STOPPED);
        assertThat(fx.runtime.workloads).isEmpty();
        assertThat(fx.runtime.calls).noneMatch(call -> call.startsWith("start"));
    }

    @Test
    void aLateStartOfAnEarlierLaunchDoesNotRestartAStoppedBot() {
        UUID bot = newBot();
        start(bot);
        Event firstStart = requests().get(0);
        fx.manager.handle(firstStart).block();
        stop(bot);
        handle(requests());
        Event redelivered = new Event(UUID.randomUUID(), firstStart.type(), firstStart.source(), firstStart.subject(),
                Instant.now(), firstStart.data());
        fx.manager.handle(redelivered).block();
        assertThat(state(bot)).isEqualTo(BotState.STOPPED);
        assertThat(fx.runtime.workloads).isEmpty();
    }

    @Test
    void aStaleStopOfAnEarlierLaunchDoesNotStopTheCurrentOne() {
        UUID bot = newBot();
        start(bot);
        handle(requests());
        stop(bot);
        Event oldStop = requests().get(0);
        fx.manager.handle(oldStop).block();
        start(bot);
        handle(requests());
        Event replayed = new Event(UUID.randomUUID(), oldStop.type(), oldStop.source(), oldStop.subject(), Instant.now(),
                oldStop.data());
        fx.manager.handle(replayed).block();
        assertThat(state(bot)).isEqualTo(BotState.RUNNING);
        assertThat(fx.runtime.workloads.get(bot).generation()).isEqualTo(2);
    }

    @Test
    void redeliveringEveryEventShuffledWithDuplicatesEndsAsTheOrderedDeliveryDid() {
        for (int round = 0; round < 12; round++) {
            UUID bot = newBot();
            int cycles = 1 + round % 3;
            boolean endRunning = round % 2 == 0;
            List<Event> delivered = new ArrayList<>();
            for (int i = 0; i < cycles; i++) {
                start(bot);
                if (i < cycles - 1 || !endRunning) {
                    stop(bot);
                }
                List<Event> inOrder = requests();
                handle(inOrder);
                delivered.addAll(inOrder);
            }
            BotState ordered = state(bot);
            assertThat(ordered).isEqualTo(endRunning ? BotState.RUNNING : BotState.STOPPED);
            List<String> callsBefore = List.copyOf(fx.runtime.calls);

            List<Event> again = new ArrayList<>(delivered);
            for (Event event : delivered) {
                again.add(new Event(UUID.randomUUID(), event.type(), event.source(), event.subject(), Instant.now(),
                        event.data()));
            }
            Collections.shuffle(again, new Random(round));
            handle(again);
            fx.convergence.reconcile().block();

            assertThat(state(bot)).as("round %d", round).isEqualTo(ordered);
            assertThat(fx.runtime.workloads.containsKey(bot)).as("round %d workload", round).isEqualTo(endRunning);
            assertThat(fx.runtime.calls).as("round %d: redelivery provisioned nothing", round).isEqualTo(callsBefore);
            if (endRunning) {
                assertThat(fx.runtime.workloads.get(bot).generation()).isEqualTo(cycles);
                stop(bot);
                handle(requests());
            }
        }
    }

    @Test
    void malformedUnknownOrForeignEventsAreRejectedWithoutChange() {
        UUID bot = newBot();
        start(bot);
        Event real = requests().get(0);
        BotStartRequested data = (BotStartRequested) real.data();
        List<Event> bad = List.of(
                new Event(UUID.randomUUID(), BotStartRequested.TYPE, "/x", bot.toString(), Instant.now(), Map.of("botId", bot)),
                new Event(UUID.randomUUID(), "io.knag.bot.explode.requested", "/x", bot.toString(), Instant.now(), data),
                new Event(UUID.randomUUID(), BotStartRequested.TYPE, "/x", bot.toString(), Instant.now(),
                        new BotStartRequested(bot, UUID.randomUUID(), 1, data.envelope())),
                new Event(UUID.randomUUID(), BotStartRequested.TYPE, "/x", bot.toString(), Instant.now(),
                        new BotStartRequested(UUID.randomUUID(), alice.userId().value(), 1, data.envelope())));
        handle(bad);
        assertThat(state(bot)).isEqualTo(BotState.STARTING);
        assertThat(fx.runtime.calls).isEmpty();
        fx.manager.handle(real).block();
        assertThat(state(bot)).isEqualTo(BotState.RUNNING);
    }

    @Test
    void anEnvelopeSealedForAnotherBotOrTamperedFailsTheLaunchInsteadOfRunningIt() {
        UUID bot = newBot();
        start(bot);
        Event real = requests().get(0);
        BotStartRequested data = (BotStartRequested) real.data();
        var envelope = data.envelope();
        String flipped = (envelope.ciphertext().charAt(0) == 'A' ? "B" : "A") + envelope.ciphertext().substring(1);
        var tampered = new io.knag.vault.LaunchEnvelope(envelope.version(), envelope.owner(), envelope.botId(),
                envelope.credentialId(), envelope.broker(), envelope.fingerprint(), envelope.encapsulatedKey(), flipped);
        fx.manager.handle(new Event(UUID.randomUUID(), real.type(), real.source(), real.subject(), Instant.now(),
                new BotStartRequested(bot, data.owner(), data.generation(), tampered))).block();
        assertThat(state(bot)).isEqualTo(BotState.FAILED);
        assertThat(fx.runtime.calls).isEmpty();
    }

    @Test
    void anEventForADeletedBotChangesNothing() {
        UUID bot = newBot();
        start(bot);
        Event startEvent = requests().get(0);
        fx.store.delete(bot).block();
        fx.manager.handle(startEvent).block();
        assertThat(fx.runtime.calls).isEmpty();
        assertThat(fx.store.markHandled(startEvent.id(), Instant.now()).block()).as("the event was marked handled").isFalse();
    }

    @Test
    void aRuntimeThatCannotProvisionLeavesTheBotFailedNotStarting() {
        UUID bot = newBot();
        start(bot);
        fx.runtime.failStarts = true;
        handle(requests());
        assertThat(state(bot)).isEqualTo(BotState.FAILED);
        assertThat(fx.bots.history(new Authenticated<>(alice, bot)).block()).last()
                .satisfies(change -> assertThat(change.detail()).contains("could not provision"));
    }
}
