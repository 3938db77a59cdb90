package io.knag.bots.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.knag.bots.BotStartRequested;
import io.knag.bots.BotStatusChanged;
import io.knag.bots.BotStopRequested;
import io.knag.bots.BotView;
import io.knag.bots.CreateBot;
import io.knag.bots.DeleteOutcome;
import io.knag.bots.StartBot;
import io.knag.bots.StopBot;
import io.knag.bots.domain.BotProblems;
import io.knag.bots.domain.BotState;
import io.knag.kernel.KnagException;
import io.knag.kernel.ProblemType;
import io.knag.kernel.auth.Authenticated;
import io.knag.kernel.auth.Caller;
import io.knag.vault.CredentialView;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/**
 * The bots module as it runs: its use cases on the R2DBC store in real PostgreSQL transactions, with the real
 * identity and vault (Argon2, the vault key, HPKE to the bot manager). The use cases' every rule is tested in
 * memory ({@code BotsTest}, {@code LaunchesTest}, {@code BotManagerTest}, {@code ConvergenceTest}).
 */
class BotsModuleTest {

    final BotsFixture fx = BotsFixture.onPostgres();
    final Caller alice = fx.register("alice@example.com", BotsFixture.PASSWORD);
    final CredentialView keys = fx.addCredential(alice, Map.of("keyId", "AK", "secretKey", "SK-ALICE"));

    @Test
    void aBotIsDefinedStartedRunStoppedAndDeleted() {
        UUID bot = create("grid");
        StepVerifier.create(fx.launches.start(new Authenticated<>(alice, new StartBot(bot, BotsFixture.PASSWORD))))
                .assertNext(view -> assertThat(view.state()).isEqualTo(BotState.STARTING))
                .verifyComplete();
        fx.deliver(BotStartRequested.TYPE);
        assertThat(new String(fx.runtime.credentialFiles.get(0))).contains("\"secretKey\":\"SK-ALICE\"")
                .contains(keys.fingerprint());
        StepVerifier.create(fx.bots.get(new Authenticated<>(alice, bot)).map(BotView::state))
                .expectNext(BotState.RUNNING)
                .verifyComplete();

        StepVerifier.create(fx.launches.stop(new Authenticated<>(alice, new StopBot(bot))).map(BotView::state))
                .expectNext(BotState.STOPPING)
                .verifyComplete();
        fx.deliver(BotStopRequested.TYPE);
        assertThat(fx.runtime.workloads).isEmpty();
        StepVerifier.create(fx.bots.history(new Authenticated<>(alice, bot)))
                .assertNext(history -> assertThat(history).extracting(BotStatusChanged::to).containsExactly(
                        BotState.CREATED, BotState.STARTING, BotState.RUNNING, BotState.STOPPING, BotState.STOPPED))
                .verifyComplete();

        StepVerifier.create(fx.bots.delete(new Authenticated<>(alice, bot))).expectNext(DeleteOutcome.DELETED).verifyComplete();
        assertThat(fx.vault.database.query("SELECT count(*) FROM bots.bots").get(0).get(0)).isEqualTo("0");
        assertThat(fx.vault.database.query("SELECT count(*) FROM bots.history").get(0).get(0)).isEqualTo("0");
    }

    @Test
    void aWrongPasswordIsRefusedByTheVaultAndChangesNothing() {
        UUID bot = create("grid");
        fx.events.clear();
        StepVerifier.create(fx.launches.start(new Authenticated<>(alice, new StartBot(bot, "not alice's passphrase"))))
                .expectErrorSatisfies(e -> assertThat(((KnagException) e).type()).isEqualTo(ProblemType.WRONG_PASSWORD))
                .verify();
        StepVerifier.create(fx.bots.get(new Authenticated<>(alice, bot)).map(BotView::state))
                .expectNext(BotState.CREATED)
                .verifyComplete();
        assertThat(fx.events).isEmpty();
    }

    @Test
    void aCredentialDeletedFromTheVaultIsNamedWhenTheBotStarts() {
        UUID bot = create("grid");
        fx.deleteCredential(alice, keys.id());
        StepVerifier.create(fx.launches.start(new Authenticated<>(alice, new StartBot(bot, BotsFixture.PASSWORD))))
                .expectErrorSatisfies(e -> assertThat(((KnagException) e).type()).isEqualTo(BotProblems.CREDENTIAL_MISSING))
                .verify();
    }

    @Test
    void anotherUsersCredentialIsNotTheirsToUse() {
        Caller bob = fx.register("bob@example.com", "bob's long passphrase");
        StepVerifier.create(fx.bots.create(new Authenticated<>(bob, new CreateBot("mine", "knag/heartbeat-bot", keys.id(),
                        null, null, null, null))))
                .expectErrorSatisfies(e -> assertThat(((KnagException) e).type()).isEqualTo(BotProblems.UNKNOWN_CREDENTIAL))
                .verify();
        assertThat(fx.vault.database.query("SELECT count(*) FROM bots.bots").get(0).get(0)).isEqualTo("0");
    }

    private UUID create(String name) {
        return fx.bots.create(new Authenticated<>(alice, new CreateBot(name, "knag/heartbeat-bot", keys.id(),
                Map.of("symbol", "BTC/USD"), null, null, null))).block().id();
    }
}
