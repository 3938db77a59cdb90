package io.knag.runtime.local;

import io.knag.bots.domain.RestartPolicy;
import io.knag.bots.runtime.Observation;
import io.knag.bots.runtime.WorkloadPhase;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One bot's process: started, its output read into the bot's {@link OutputBuffer}, restarted after an exit
 * as the restart policy allows (first after {@code firstRestartDelay}, doubling to 30 s; a run longer than
 * {@code healthyRun} resets the count), and reported as RESTARTED, FAILED or EXITED when that happens.
 */
final class Supervisor {

    private static final Logger log = LoggerFactory.getLogger(Supervisor.class);
    private static final Duration LONGEST_DELAY = Duration.ofSeconds(30);

    final UUID botId;
    final UUID owner;
    final long generation;
    private final ProcessBuilder builder;
    private final RestartPolicy policy;
    private final OutputBuffer output;
    private final Consumer<Observation> observer;
    private final LocalRuntimeSettings settings;
    private final ScheduledExecutorService timer;
    private final Consumer<Long> pidWriter;
    private Process process;
    private long startedAt;
    private int restarts;
    private volatile WorkloadPhase phase = WorkloadPhase.PENDING;
    private volatile boolean stopping;

    Supervisor(UUID botId, UUID owner, long generation, List<String> command, Map<String, String> environment,
               Path directory, RestartPolicy policy, OutputBuffer output, Consumer<Observation> observer,
               LocalRuntimeSettings settings, ScheduledExecutorService timer, Consumer<Long> pidWriter) {
        this.botId = botId;
        this.owner = owner;
        this.generation = generation;
        this.builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        this.builder.environment().clear();
        this.builder.environment().putAll(environment);
        this.policy = policy;
        this.output = output;
        this.observer = observer;
        this.settings = settings;
        this.timer = timer;
        this.pidWriter = pidWriter;
    }

    synchronized void start() throws IOException {
        if (stopping) {
            return;
        }
        Process started = builder.start();
        process = started;
        startedAt = System.nanoTime();
        phase = WorkloadPhase.RUNNING;
        pidWriter.accept(started.pid());
        Thread reader = new Thread(() -> read(started), "bot-output-" + botId);
        reader.setDaemon(true);
        reader.start();
        started.onExit().thenAccept(this::exited);
        log.info("bot {} launch {} process {} started", botId, generation, started.pid());
    }

    WorkloadPhase phase() {
        return phase;
    }

    boolean isCurrent(long launch) {
        return generation == launch && !stopping;
    }

    /** Asks the process to stop (SIGTERM), and kills it and its children after the grace period. */
    void stop() {
        Process current;
        synchronized (this) {
            stopping = true;
            current = process;
        }
        if (current == null) {
            return;
        }
        current.descendants().forEach(ProcessHandle::destroy);
        current.destroy();
        try {
            if (!current.waitFor(settings.stopGrace().toMillis(), TimeUnit.MILLISECONDS)) {
                current.descendants().forEach(ProcessHandle::destroyForcibly);
                current.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            current.destroyForcibly();
        }
        log.info("bot {} launch {} process stopped", botId, generation);
    }

    private void exited(Process exited) {
        int code = exited.exitValue();
        synchronized (this) {
            if (stopping || exited != process) {
                return;
            }
            if (System.nanoTime() - startedAt > settings.healthyRun().toNanos()) {
                restarts = 0;
            }
            if (policy.restarts(code, restarts)) {
                restarts++;
                phase = WorkloadPhase.PENDING;
                long delay = Math.min(LONGEST_DELAY.toMillis(), settings.firstRestartDelay().toMillis() << Math.min(restarts - 1, 10));
                timer.schedule(this::restart, delay, TimeUnit.MILLISECONDS);
                observer.accept(new Observation(botId, generation, Observation.Kind.RESTARTED, "restarted after exit code "
                        + code + " (restart " + restarts + " of " + policy.maxRestarts() + ")"));
                return;
            }
            phase = code == 0 ? WorkloadPhase.EXITED : WorkloadPhase.FAILED;
        }
        log.info("bot {} launch {} exited with code {}, not restarted", botId, generation, code);
        observer.accept(code == 0
                ? new Observation(botId, generation, Observation.Kind.EXITED, "ended by itself (exit code 0)")
                : new Observation(botId, generation, Observation.Kind.FAILED, "exited with code " + code
                + (restarts > 0 ? " after " + restarts + " restarts" : "") + "; its restart policy ("
                + policy.mode() + ", at most " + policy.maxRestarts() + ") allows no more"));
    }

    private void restart() {
        try {
            start();
        } catch (IOException e) {
            phase = WorkloadPhase.FAILED;
            observer.accept(new Observation(botId, generation, Observation.Kind.FAILED, "could not be restarted"));
        }
    }

    /** Reads the output line by line, a line cut at {@link OutputBuffer#MAX_LINE}: a bot cannot exhaust memory. */
    private void read(Process from) {
        try (Reader in = new InputStreamReader(from.getInputStream(), StandardCharsets.UTF_8)) {
            StringBuilder line = new StringBuilder();
            boolean cut = false;
            char[] buffer = new char[4096];
            for (int n = in.read(buffer); n != -1; n = in.read(buffer)) {
                for (int i = 0; i < n; i++) {
                    char c = buffer[i];
                    if (c == '\n') {
                        output.add(line + (cut ? " [cut]" : ""));
                        line.setLength(0);
                        cut = false;
                    } else if (c != '\r' && line.length() < OutputBuffer.MAX_LINE) {
                        line.append(c);
                    } else if (c != '\r') {
                        cut = true;
                    }
                }
            }
            if (!line.isEmpty()) {
                output.add(line.toString());
            }
        } catch (IOException e) {
            log.debug("bot {} output closed", botId);
        }
    }
}
