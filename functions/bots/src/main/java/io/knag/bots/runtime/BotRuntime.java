package io.knag.bots.runtime;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Where bots run: Kubernetes, local child processes, or (later) containers through the Docker Engine API.
 * The bot manager is its only caller. Every operation is idempotent, because events arrive at least once
 * and the manager may restart half-way through any of them.
 */
public interface BotRuntime extends AutoCloseable {

    /**
     * Provisions the bot's workload: its credentials file (readable only by the bot), its configuration
     * (docs/bot-contract.md) and its process or pod. A workload of the same bot and generation already there is
     * left as it is; one of an older generation is replaced. Answers the phase the workload is in.
     * The caller wipes {@link BotLaunch#credentialsFile()} afterwards.
     */
    Mono<WorkloadPhase> start(BotLaunch launch);

    /** Removes the bot's workload and its credentials; nothing there is not an error. */
    Mono<Void> stop(UUID botId);

    /** The last {@code tail} lines the bot wrote, oldest first; empty when it has none. */
    Mono<List<String>> logs(UUID botId, int tail);

    /** Every workload of this runtime now, by bot id. */
    Mono<Map<UUID, Workload>> inventory();

    /** What changes in the runtime (a pod up, a crash, a deleted Deployment), as it happens. */
    Flux<Observation> observations();

    /** The bot is deleted: drop whatever was kept of it after it stopped (its output, its directory). */
    default Mono<Void> forget(UUID botId) {
        return Mono.empty();
    }

    /**
     * True when the bots cannot outlive the platform process (local child processes): the manager then
     * records them as stopped when the platform stops. Cluster runtimes keep bots running.
     */
    default boolean botsStopWithPlatform() {
        return false;
    }

    /** The platform stops: let go of what this runtime holds (watches, supervisors); nothing to do by default. */
    @Override
    default void close() {
    }
}
