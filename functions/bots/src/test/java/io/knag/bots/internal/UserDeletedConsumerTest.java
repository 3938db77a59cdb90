package io.knag.bots.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.knag.bots.BotStartRequested;
import io.knag.bots.BotStopRequested;
import io.knag.bots.CreateBot;
import io.knag.bots.StartBot;
import io.knag.identity.UserDeleted;
import io.knag.kernel.auth.Authenticated;
import io.knag.kernel.auth.Caller;
import io.knag.kernel.events.Event;
import io.knag.vault.CredentialView;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A deleted user's bots go with them: stopped if running, then deleted, once however often the event comes. */
class UserDeletedConsumerTest {

    final BotsFixture fx = BotsFixture.onPostgres();
    final Caller alice = fx.register("alice@example.com", BotsFixture.PASSWORD);
    final Caller bob = fx.register("bob@example.com", "bob's long passphrase");
    final CredentialView aliceKeys = fx.addCredential(alice, Map.of("keyId", "AK", "secretKey", "SK-ALICE"));
    final CredentialView bobKeys = fx.addCredential(bob, Map.of("keyId", "BK", "secretKey", "SK-BOB"));

    UUID create(Caller caller, String name, UUID credential) {
        return fx.bots.create(new Authenticated<>(caller, new CreateBot(name, "knag/heartbeat-bot:1", credential,
                null, null, null, null))).block().id();
    }

    void start(Caller caller, UUID bot) {
        fx.launches.start(new Authenticated<>(caller, new StartBot(bot, BotsFixture.PASSWORD))).block();
    }

    @Test
    void aDeletedUsersBotsAreStoppedAndDeleted() {
        UUID idle = create(alice, "idle", aliceKeys.id());
        UUID running = create(alice, "grid", aliceKeys.id());
        UUID bobs = create(bob, "bobs", bobKeys.id());
        start(alice, running);
        fx.deliver(BotStartRequested.TYPE);
        var consumer = new UserDeletedConsumer(fx.bots);
        Event deleted = new Event(UUID.randomUUID(), UserDeleted.TYPE, UserDeleted.SOURCE, alice.userId().toString(),
                Instant.now(), new UserDeleted(alice.userId().value(), Instant.now()));
        consumer.consume(deleted).block();
        consumer.consume(deleted).block();
        fx.deliver(BotStopRequested.TYPE);
        assertThat(fx.vault.database.query("SELECT id FROM bots.bots")).extracting(row -> row.get(0))
                .containsExactly(bobs.toString());
        assertThat(fx.runtime.workloads).isEmpty();
        assertThat(fx.runtime.calls).contains("stop " + running).noneMatch(call -> call.endsWith(idle.toString()));
    }
}
