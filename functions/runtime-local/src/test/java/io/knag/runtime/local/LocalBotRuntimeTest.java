package io.knag.runtime.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.knag.bots.domain.Resources;
import io.knag.bots.domain.RestartPolicy;
import io.knag.bots.runtime.BotLaunch;
import io.knag.bots.runtime.Observation;
import io.knag.bots.runtime.WorkloadPhase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.Disposable;

/** The local runtime with a small real bot process (a shell script) and the real heartbeat bot. */
class LocalBotRuntimeTest {

    static final String SECRET = "SK-MARKER-4711";

    @TempDir
    Path dir;
    LocalBotRuntime runtime;
    final List<Observation> seen = new CopyOnWriteArrayList<>();
    Disposable watching;

    @BeforeEach
    void setUp() throws Exception {
        runtime = newRuntime();
        watching = runtime.observations().subscribe(seen::add);
    }

    @AfterEach
    void tearDown() {
        watching.dispose();
        runtime.close();
    }

    LocalBotRuntime newRuntime() throws Exception {
        Path script = Path.of(getClass().getResource("/test-bot.sh").toURI());
        return new LocalBotRuntime(new LocalRuntimeSettings(dir.resolve("bots"),
                Map.of("test/bot", List.of("sh", script.toString()), "knag/heartbeat-bot", List.of(LocalRuntimeSettings.HEARTBEAT)),
                Duration.ofSeconds(2), Duration.ofMillis(50), Duration.ofSeconds(60), 100));
    }

    static BotLaunch launch(UUID bot, long generation, String image, String params, RestartPolicy policy) {
        byte[] file = ("{\"broker\":\"alpaca\",\"fingerprint\":\"ABCD-EFGH\",\"secrets\":{\"secretKey\":\"" + SECRET + "\"}}\n")
                .getBytes(StandardCharsets.UTF_8);
        return new BotLaunch(bot, UUID.randomUUID(), generation, image, params, "alpaca", Resources.DEFAULT, policy, file);
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    List<String> logs(UUID bot) {
        return runtime.logs(bot, 100).block();
    }

    long pid(UUID bot) throws Exception {
        return Long.parseLong(Files.readString(dir.resolve("bots").resolve(bot.toString()).resolve("pid")).strip());
    }

    @Test
    void aBotGetsItsContractOnlyItsCredentialsFileAndItsOutputIsKept() throws Exception {
        UUID bot = UUID.randomUUID();
        assertThat(runtime.start(launch(bot, 1, "test/bot:1", "{\"symbol\":\"BTC\"}", RestartPolicy.DEFAULT)).block())
                .isEqualTo(WorkloadPhase.RUNNING);
        await("the bot's first lines", () -> logs(bot).stream().anyMatch(line -> line.startsWith("env:")));
        assertThat(logs(bot)).contains("test-bot " + bot + " broker=alpaca params={\"symbol\":\"BTC\"}", "credentials readable");
        String env = logs(bot).stream().filter(line -> line.startsWith("env:")).findFirst().orElseThrow();
        Set<String> allowed = Set.of("HOME", "KNAG_BOT_ID", "KNAG_BROKER", "KNAG_CREDENTIALS_FILE", "KNAG_PARAMS", "LANG",
                "PATH", "PWD", "SHLVL", "_", "OLDPWD");
        assertThat(Set.of(env.substring(5).trim().split(" "))).isSubsetOf(allowed).contains("KNAG_CREDENTIALS_FILE");
        Path botDir = dir.resolve("bots").resolve(bot.toString());
        Path credentials = botDir.resolve("credentials.json");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(credentials))).isEqualTo("r--------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(botDir))).isEqualTo("rwx------");
        assertThat(Files.readString(credentials)).contains(SECRET);
        assertThat(logs(bot)).noneMatch(line -> line.contains(SECRET));
        assertThat(runtime.inventory().block()).containsOnlyKeys(bot);
    }

    @Test
    void startingTheSameLaunchTwiceKeepsOneProcessAndANewLaunchReplacesIt() throws Exception {
        UUID bot = UUID.randomUUID();
        runtime.start(launch(bot, 1, "test/bot", "{}", RestartPolicy.DEFAULT)).block();
        long first = pid(bot);
        runtime.start(launch(bot, 1, "test/bot", "{}", RestartPolicy.DEFAULT)).block();
        assertThat(pid(bot)).isEqualTo(first);
        runtime.start(launch(bot, 2, "test/bot", "{}", RestartPolicy.DEFAULT)).block();
        assertThat(pid(bot)).isNotEqualTo(first);
        await("the first process to end", () -> ProcessHandle.of(first).map(p -> !p.isAlive()).orElse(true));
        assertThat(runtime.inventory().block().get(bot).generation()).isEqualTo(2);
    }

    @Test
    void aCrashingBotIsRestartedAsItsPolicyAllowsThenFails() throws Exception {
        UUID bot = UUID.randomUUID();
        runtime.start(launch(bot, 1, "test/bot", "{\"mode\":\"crash\"}", new RestartPolicy("on-failure", 2))).block();
        await("the bot to fail", () -> seen.stream().anyMatch(o -> o.kind() == Observation.Kind.FAILED));
        assertThat(seen).extracting(Observation::kind).containsExactly(Observation.Kind.RESTARTED,
                Observation.Kind.RESTARTED, Observation.Kind.FAILED);
        assertThat(seen.get(2).detail()).contains("exited with code 3").contains("after 2 restarts");
        await("the output of all three runs", () -> logs(bot).stream().filter(line -> line.equals("crashing")).count() == 3);
        assertThat(runtime.inventory().block().get(bot).phase()).isEqualTo(WorkloadPhase.FAILED);
    }

    @Test
    void aBotThatEndsCleanlyIsNotRestartedOnFailurePolicy() throws Exception {
        UUID bot = UUID.randomUUID();
        runtime.start(launch(bot, 1, "test/bot", "{\"mode\":\"finish\"}", RestartPolicy.DEFAULT)).block();
        await("the bot to end", () -> !seen.isEmpty());
        assertThat(seen).extracting(Observation::kind).containsExactly(Observation.Kind.EXITED);
        assertThat(runtime.inventory().block().get(bot).phase()).isEqualTo(WorkloadPhase.EXITED);
    }

    @Test
    void stoppingEndsTheProcessAndRemovesItsCredentialsButKeepsItsOutput() throws Exception {
        UUID bot = UUID.randomUUID();
        runtime.start(launch(bot, 1, "test/bot", "{}", RestartPolicy.DEFAULT)).block();
        await("a tick", () -> logs(bot).contains("tick"));
        long pid = pid(bot);
        runtime.stop(bot).block();
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        assertThat(dir.resolve("bots").resolve(bot.toString()).resolve("credentials.json")).doesNotExist();
        assertThat(logs(bot)).contains("tick");
        assertThat(runtime.inventory().block()).isEmpty();
        runtime.stop(bot).block();
        runtime.stop(UUID.randomUUID()).block();
        assertThat(seen).isEmpty();
    }

    @Test
    void aDeletedBotIsForgottenWithItsOutputAndDirectory() throws Exception {
        UUID bot = UUID.randomUUID();
        runtime.start(launch(bot, 1, "test/bot", "{}", RestartPolicy.DEFAULT)).block();
        await("a tick", () -> logs(bot).contains("tick"));
        runtime.forget(bot).block();
        assertThat(logs(bot)).isEmpty();
        assertThat(dir.resolve("bots").resolve(bot.toString())).doesNotExist();
        assertThat(runtime.inventory().block()).isEmpty();
    }

    @Test
    void anUnknownImageCannotBeProvisioned() {
        UUID bot = UUID.randomUUID();
        assertThat(runtime.start(launch(bot, 1, "nobody/knows", "{}", RestartPolicy.DEFAULT))
                .onErrorResume(e -> reactor.core.publisher.Mono.just(WorkloadPhase.FAILED)).block())
                .isEqualTo(WorkloadPhase.FAILED);
        assertThat(runtime.inventory().block()).isEmpty();
    }

    @Test
    void aNewPlatformKillsTheBotsThatADeadOneLeftRunning() throws Exception {
        UUID bot = UUID.randomUUID();
        runtime.start(launch(bot, 1, "test/bot", "{}", new RestartPolicy("never", 0))).block();
        await("a tick", () -> logs(bot).contains("tick"));
        long pid = pid(bot);
        try (LocalBotRuntime next = newRuntime()) {
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
            assertThat(dir.resolve("bots").resolve(bot.toString()).resolve("credentials.json")).doesNotExist();
            assertThat(next.inventory().block()).isEmpty();
        }
    }

    @Test
    void theHeartbeatBotLogsItsIdAndFingerprintEverySecondButNeverTheSecret() throws Exception {
        UUID bot = UUID.randomUUID();
        runtime.start(launch(bot, 1, "knag/heartbeat-bot:1", "{\"intervalMillis\":200}", RestartPolicy.DEFAULT)).block();
        await("two heartbeats", () -> logs(bot).stream().filter(line -> line.contains("heartbeat bot=" + bot
                + " credential=ABCD-EFGH")).count() >= 2);
        assertThat(logs(bot).get(0)).contains("started: broker=alpaca credential=ABCD-EFGH secrets=1 fields");
        assertThat(logs(bot)).noneMatch(line -> line.contains(SECRET));
        runtime.stop(bot).block();
        assertThat(runtime.inventory().block()).isEmpty();
    }
}
