package io.knag.bots.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.knag.bots.BotView;
import io.knag.bots.CreateBot;
import io.knag.bots.StartBot;
import io.knag.bots.domain.Quotas;
import io.knag.bots.domain.Resources;
import io.knag.bots.internal.BotsFixture;
import io.knag.kernel.KnagException;
import io.knag.kernel.ProblemType;
import io.knag.kernel.auth.Authenticated;
import io.knag.kernel.auth.Caller;
import io.knag.vault.CredentialView;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;

/**
 * What the use-case tests of {@link Bots} and {@link Launches} start from: the use cases in memory and two owners,
 * Alice and Bob, each with a key in the vault.
 */
abstract class TwoOwners {

    BotsFixture fx;
    Caller alice;
    Caller bob;
    CredentialView aliceKeys;
    CredentialView bobKeys;

    @BeforeEach
    void setUp() {
        setUp(BotsFixture.QUOTAS);
    }

    /** Starts again with other quotas. */
    void setUp(Quotas quotas) {
        fx = BotsFixture.inMemory(quotas);
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

    static void assertProblem(Supplier<?> call, ProblemType type) {
        assertThatThrownBy(call::get).isInstanceOfSatisfying(KnagException.class, e -> assertThat(e.type()).isEqualTo(type));
    }
}
