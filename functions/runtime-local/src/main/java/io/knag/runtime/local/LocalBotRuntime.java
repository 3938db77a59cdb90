package io.knag.runtime.local;

import io.knag.bots.runtime.BotLaunch;
import io.knag.bots.runtime.BotRuntime;
import io.knag.bots.runtime.Observation;
import io.knag.bots.runtime.Workload;
import io.knag.bots.runtime.WorkloadPhase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

/**
 * Bots as supervised child processes of the platform: the embedded default's runtime. Each bot gets the
 * environment of docs/bot-contract.md (and nothing of the platform's), its credentials in a file only this user can
 * read, and its output kept for {@code botLogs}. Bots stop with the platform; processes that a platform which
 * died left behind are found by their pid files and killed when the next one starts.
 */
public final class LocalBotRuntime implements BotRuntime, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalBotRuntime.class);

    private final LocalRuntimeSettings settings;
    private final Workspace workspace;
    private final Programs programs;
    private final Map<UUID, Supervisor> supervisors = new ConcurrentHashMap<>();
    private final Map<UUID, OutputBuffer> outputs = new ConcurrentHashMap<>();
    private final Sinks.Many<Observation> observations = Sinks.many().multicast().onBackpressureBuffer(1024, false);
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "bot-restarts");
        thread.setDaemon(true);
        return thread;
    });

    public LocalBotRuntime(LocalRuntimeSettings settings) throws IOException {
        this.settings = settings;
        this.workspace = new Workspace(settings.directory());
        this.programs = new Programs(settings.programs(), workspace.directory().resolve(".programs"));
        killLeftovers();
    }

    @Override
    public Mono<WorkloadPhase> start(BotLaunch launch) {
        return Mono.fromCallable(() -> startNow(launch)).subscribeOn(Schedulers.boundedElastic());
    }

    /** One bot at a time, bots in parallel: stopping one bot that ignores SIGTERM does not hold up the others. */
    private final Map<UUID, Object> botLocks = new ConcurrentHashMap<>();

    private Object lockOf(UUID botId) {
        return botLocks.computeIfAbsent(botId, id -> new Object());
    }

    private WorkloadPhase startNow(BotLaunch launch) throws IOException {
        synchronized (lockOf(launch.botId())) {
            return startLocked(launch);
        }
    }

    private WorkloadPhase startLocked(BotLaunch launch) throws IOException {
        Supervisor existing = supervisors.get(launch.botId());
        if (existing != null && existing.isCurrent(launch.generation())) {
            return existing.phase();
        }
        if (existing != null) {
            stopLocked(launch.botId());
        }
        List<String> command = programs.command(launch.image());
        Path credentials = workspace.writeCredentials(launch.botId(), launch.credentialsFile());
        OutputBuffer output = new OutputBuffer(settings.outputLines());
        outputs.put(launch.botId(), output);
        var supervisor = new Supervisor(launch.botId(), launch.owner(), launch.generation(), command,
                environment(launch, credentials), workspace.botDirectory(launch.botId()), launch.restartPolicy(), output,
                this::emit, settings, timer, pid -> writePid(launch.botId(), pid));
        supervisors.put(launch.botId(), supervisor);
        supervisor.start();
        return WorkloadPhase.RUNNING;
    }

    @Override
    public Mono<Void> stop(UUID botId) {
        return Mono.<Void>fromRunnable(() -> stopNow(botId)).subscribeOn(Schedulers.boundedElastic());
    }

    private void stopNow(UUID botId) {
        synchronized (lockOf(botId)) {
            stopLocked(botId);
        }
    }

    private void stopLocked(UUID botId) {
        Supervisor supervisor = supervisors.remove(botId);
        if (supervisor != null) {
            supervisor.stop();
        }
        try {
            workspace.clear(botId);
        } catch (IOException e) {
            log.error("bot {}: its credentials file could not be removed: {}", botId, e.getClass().getSimpleName());
        }
    }

    @Override
    public Mono<Void> forget(UUID botId) {
        return Mono.<Void>fromRunnable(() -> {
            stopNow(botId);
            outputs.remove(botId);
            botLocks.remove(botId);
            try {
                workspace.remove(botId);
            } catch (IOException e) {
                log.warn("bot {}: its directory could not be removed: {}", botId, e.getClass().getSimpleName());
            }
        }).subscribeOn(Schedulers.boundedElastic());
    }

    @Override
    public Mono<List<String>> logs(UUID botId, int tail) {
        OutputBuffer output = outputs.get(botId);
        return Mono.just(output == null ? List.of() : output.tail(tail));
    }

    @Override
    public Mono<Map<UUID, Workload>> inventory() {
        return Mono.fromSupplier(() -> {
            Map<UUID, Workload> workloads = new LinkedHashMap<>();
            supervisors.forEach((id, s) -> workloads.put(id, new Workload(id, s.owner, s.generation, s.phase())));
            return workloads;
        });
    }

    @Override
    public Flux<Observation> observations() {
        return observations.asFlux();
    }

    @Override
    public boolean botsStopWithPlatform() {
        return true;
    }

    /** Stops every bot (the platform is stopping). */
    @Override
    public void close() {
        List.copyOf(supervisors.keySet()).forEach(this::stopNow);
        timer.shutdownNow();
    }

    private Map<String, String> environment(BotLaunch launch, Path credentials) {
        Map<String, String> env = new HashMap<>();
        env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin"));
        env.put("LANG", "C.UTF-8");
        env.put("HOME", credentials.getParent().toString());
        env.put("KNAG_BOT_ID", launch.botId().toString());
        env.put("KNAG_BROKER", launch.broker());
        env.put("KNAG_PARAMS", launch.paramsJson());
        env.put("KNAG_CREDENTIALS_FILE", credentials.toString());
        env.putAll(launch.endpoints().environment());
        return env;
    }

    private void emit(Observation observation) {
        observations.emitNext(observation, Sinks.EmitFailureHandler.busyLooping(java.time.Duration.ofSeconds(1)));
    }

    private void writePid(UUID botId, long pid) {
        try {
            workspace.writePid(botId, pid);
        } catch (IOException e) {
            log.warn("bot {}: pid file not written", botId);
        }
    }

    /** A platform that was killed left bots running: kill each whose working directory is its bot directory. */
    private void killLeftovers() throws IOException {
        for (UUID botId : workspace.leftovers().toList()) {
            workspace.pid(botId).flatMap(ProcessHandle::of).filter(process -> runsIn(process, botId)).ifPresent(process -> {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                try {
                    process.onExit().get(5, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                    log.warn("bot {}: process {} left by an earlier platform did not end within 5 s", botId, process.pid());
                }
                log.info("bot {}: process {} left by an earlier platform killed", botId, process.pid());
            });
            workspace.clear(botId);
        }
    }

    private boolean runsIn(ProcessHandle process, UUID botId) {
        try {
            return Files.readSymbolicLink(Path.of("/proc", Long.toString(process.pid()), "cwd"))
                    .equals(workspace.directory().resolve(botId.toString()));
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }
}
