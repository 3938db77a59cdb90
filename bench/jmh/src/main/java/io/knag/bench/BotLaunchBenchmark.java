package io.knag.bench;

import io.knag.bots.BotStartRequested;
import io.knag.bots.BotStopRequested;
import io.knag.bots.CreateBot;
import io.knag.bots.StartBot;
import io.knag.bots.StopBot;
import io.knag.bots.internal.BotsFixture;
import io.knag.kernel.auth.Authenticated;
import io.knag.kernel.auth.Caller;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A bot launch from the start request to the runtime's create call, on a real (embedded) PostgreSQL: the
 * state checks and quota under lock, opening the credential (vault key unwrap, HPKE open and re-seal to the
 * manager), the STARTING transition, the start event handled by the manager (dedupe row, lock, envelope
 * opened, credentials file rendered) and the runtime's start; the op also includes the manager's commit of
 * RUNNING. The vault's KDF runs with cheap test parameters (256 KiB, t=1) and is measured alone in
 * {@link #kdfAlone()}, so the launch after the KDF is the difference; with the default parameters the KDF is
 * what {@code VaultCryptoBenchmark.kdf} reports. The runtime is the in-memory recording one of the bots'
 * tests, so the figure is the platform's own cost, not a cluster's.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class BotLaunchBenchmark {

    private BotsFixture fx;
    private Caller alice;
    private UUID bot;

    @Setup(Level.Trial)
    public void setUp() {
        fx = BotsFixture.onPostgres();
        alice = fx.register("alice@example.com", BotsFixture.PASSWORD);
        UUID credential = fx.addCredential(alice, Map.of("keyId", "AKIA-BENCH", "secretKey", "S".repeat(40))).id();
        bot = fx.bots.create(new Authenticated<>(alice, new CreateBot("bench", "knag/heartbeat-bot", credential,
                Map.of("symbol", "BTC/USD", "gridLevels", 12), null, null, null))).block().id();
        fx.events.clear();
    }

    /** Each launch starts from a stopped bot. */
    @Setup(Level.Invocation)
    public void stopped() {
        if (!fx.runtime.workloads.isEmpty()) {
            fx.launches.stop(new Authenticated<>(alice, new StopBot(bot))).block();
            fx.deliver(BotStopRequested.TYPE);
        }
        fx.events.clear();
        fx.runtime.calls.clear();
        fx.runtime.credentialFiles.clear();
    }

    @Benchmark
    public Object startToRuntimeCreate() {
        fx.launches.start(new Authenticated<>(alice, new StartBot(bot, BotsFixture.PASSWORD))).block();
        fx.deliver(BotStartRequested.TYPE);
        if (fx.runtime.calls.isEmpty()) {
            throw new IllegalStateException("the runtime was not called");
        }
        return fx.runtime.calls;
    }

    @Benchmark
    public byte[] kdfAlone() {
        return fx.vault.vaultKeys.unlock(alice.userId(), BotsFixture.PASSWORD).block();
    }
}
