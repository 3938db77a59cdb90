package io.knag.bots.internal;

import io.knag.bots.runtime.BotLaunch;
import io.knag.bots.runtime.BotRuntime;
import io.knag.bots.runtime.Observation;
import io.knag.bots.runtime.Workload;
import io.knag.bots.runtime.WorkloadPhase;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A runtime that keeps its workloads in memory, to drive the manager's rules exactly (the real runtimes are
 * tested in their own modules against real processes and a Kubernetes API server mock). It behaves as the
 * port requires: start is idempotent per generation, stop of nothing is fine.
 */
public final class RecordingRuntime implements BotRuntime {

    public final Map<UUID, Workload> workloads = new ConcurrentHashMap<>();
    /** Copies of every credentials file a start call received, in order. */
    public final List<byte[]> credentialFiles = new CopyOnWriteArrayList<>();
    public final List<String> calls = new CopyOnWriteArrayList<>();
    public volatile WorkloadPhase phaseOnStart = WorkloadPhase.RUNNING;
    public volatile boolean failStarts;

    @Override
    public Mono<WorkloadPhase> start(BotLaunch launch) {
        return Mono.fromCallable(() -> {
            calls.add("start " + launch.botId() + " " + launch.generation());
            if (failStarts) {
                throw new IllegalStateException("cluster unreachable");
            }
            Workload existing = workloads.get(launch.botId());
            if (existing != null && existing.generation() == launch.generation()) {
                return existing.phase();
            }
            credentialFiles.add(launch.credentialsFile().clone());
            workloads.put(launch.botId(), new Workload(launch.botId(), launch.owner(), launch.generation(), phaseOnStart));
            return phaseOnStart;
        });
    }

    @Override
    public Mono<Void> stop(UUID botId) {
        return Mono.fromRunnable(() -> {
            calls.add("stop " + botId);
            workloads.remove(botId);
        });
    }

    @Override
    public Mono<List<String>> logs(UUID botId, int tail) {
        return Mono.just(workloads.containsKey(botId) ? List.of("line of " + botId) : List.of());
    }

    @Override
    public Mono<Map<UUID, Workload>> inventory() {
        return Mono.fromSupplier(() -> Map.copyOf(workloads));
    }

    @Override
    public Flux<Observation> observations() {
        return Flux.never();
    }

    public long running() {
        return workloads.size();
    }
}
