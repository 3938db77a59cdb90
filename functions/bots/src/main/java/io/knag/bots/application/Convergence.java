package io.knag.bots.application;

import io.knag.bots.domain.Bot;
import io.knag.bots.domain.BotState;
import io.knag.bots.runtime.BotRuntime;
import io.knag.bots.runtime.Observation;
import io.knag.bots.runtime.Workload;
import io.knag.bots.runtime.WorkloadPhase;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Keeps each bot's state true to what its runtime says: what the runtime observes as it happens (a crash,
 * a vanished workload), a full comparison at start-up and then periodically (a manager that restarted
 * mid-way converges), and, for runtimes whose bots die with the platform, a clean stop when it stops.
 */
public final class Convergence {

    private static final Logger log = LoggerFactory.getLogger(Convergence.class);

    private final BotStore store;
    private final BotRuntime runtime;
    private final Lifecycle lifecycle;
    private final Duration launchTimeout;
    private final Clock clock;

    public Convergence(BotStore store, BotRuntime runtime, Lifecycle lifecycle, Duration launchTimeout, Clock clock) {
        this.store = store;
        this.runtime = runtime;
        this.lifecycle = lifecycle.as(Lifecycle.BOT_MANAGER);
        this.launchTimeout = launchTimeout;
        this.clock = clock;
    }

    /** What the runtime saw happen to one workload. */
    public Mono<Void> observe(Observation observation) {
        return locked(observation.botId(), bot -> {
            if (bot == null) {
                log.info("workload of unknown bot {} removed", observation.botId());
                return runtime.stop(observation.botId()).then(Mono.empty());
            }
            if (bot.generation() != observation.generation()) {
                return Mono.empty();
            }
            return switch (observation.kind()) {
                case RUNNING -> bot.state() == BotState.STARTING ? lifecycle.move(bot, BotState.RUNNING, "running")
                        : Mono.empty();
                case RESTARTED -> bot.state() == BotState.RUNNING ? lifecycle.move(bot, BotState.RUNNING,
                        observation.detail()) : Mono.empty();
                case FAILED -> fail(bot, observation.detail());
                case EXITED -> bot.state() == BotState.RUNNING ? runtime.stop(bot.id())
                        .then(lifecycle.move(bot, BotState.STOPPED, observation.detail()))
                        : fail(bot, observation.detail());
                case GONE -> bot.state() == BotState.STOPPING ? runtime.stop(bot.id())
                        .then(lifecycle.move(bot, BotState.STOPPED, "stopped"))
                        : fail(bot, observation.detail());
            };
        });
    }

    /** Compares every active bot with the runtime's inventory, and removes workloads no bot wants. */
    public Mono<Void> reconcile() {
        return Mono.defer(() -> {
            java.time.Instant snapshot = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
            return runtime.inventory().map(inventory -> java.util.Map.entry(snapshot, inventory));
        }).flatMap(seen -> reconcile(seen.getKey(), seen.getValue()));
    }

    /**
     * A bot that changed after the inventory was taken (a launch completing meanwhile) is left to the next round:
     * the inventory no longer tells its truth.
     */
    private Mono<Void> reconcile(java.time.Instant snapshot, java.util.Map<UUID, Workload> inventory) {
        return store.active().map(Bot::id).collectList()
                .flatMapMany(Flux::fromIterable)
                .concatMap(id -> locked(id, bot -> bot == null || !bot.updatedAt().isBefore(snapshot) ? Mono.empty()
                        : converge(bot, inventory.get(id))))
                .thenMany(Flux.fromIterable(inventory.values()))
                .concatMap(workload -> locked(workload.botId(), bot -> removeIfUnwanted(bot, workload)))
                .then()
                .doOnSuccess(done -> log.debug("reconciled {} workloads", inventory.size()));
    }

    /** The platform is stopping and its bots with it: each is stopped and recorded so. */
    public Mono<Void> platformStopping() {
        return store.active().map(Bot::id).collectList().flatMapMany(Flux::fromIterable)
                .flatMap(id -> locked(id, bot -> bot == null || bot.state().isAtRest() ? Mono.empty()
                        : runtime.stop(bot.id()).then(stopNow(bot, "the platform stopped"))), 4)
                .then();
    }

    private Mono<Lifecycle.Moved> converge(Bot bot, Workload workload) {
        boolean current = workload != null && workload.generation() == bot.generation();
        return switch (bot.state()) {
            case STOPPING -> runtime.stop(bot.id()).then(lifecycle.move(bot, BotState.STOPPED, "stopped"));
            case STARTING -> {
                if (current && workload.phase() == WorkloadPhase.RUNNING) {
                    yield lifecycle.move(bot, BotState.RUNNING, "running");
                } else if (current && (workload.phase() == WorkloadPhase.FAILED || workload.phase() == WorkloadPhase.EXITED)) {
                    yield fail(bot, "it could not start");
                } else if (!current && bot.updatedAt().plus(launchTimeout).isBefore(clock.instant())) {
                    yield fail(bot, "its launch did not complete; start it again");
                }
                yield Mono.empty();
            }
            case RUNNING -> {
                if (!current) {
                    yield fail(bot, "its workload is gone");
                } else if (workload.phase() == WorkloadPhase.EXITED) {
                    // A missed EXITED observation is caught up here: the workload says it ended.
                    yield runtime.stop(bot.id()).then(lifecycle.move(bot, BotState.STOPPED, "ended by itself (exit code 0)"));
                } else if (workload.phase() == WorkloadPhase.FAILED) {
                    yield fail(bot, "it crashed more often than its restart policy allows");
                }
                yield Mono.empty();
            }
            default -> Mono.empty();
        };
    }

    private Mono<Lifecycle.Moved> removeIfUnwanted(Bot bot, Workload workload) {
        boolean wanted = bot != null && bot.state().isActive() && bot.state() != BotState.STOPPING
                && workload.generation() <= bot.generation();
        if (wanted) {
            return Mono.empty();
        }
        log.info("workload of bot {} (launch {}) is not wanted: removed", workload.botId(), workload.generation());
        return runtime.stop(workload.botId()).then(Mono.empty());
    }

    private Mono<Lifecycle.Moved> fail(Bot bot, String detail) {
        if (bot.state() != BotState.STARTING && bot.state() != BotState.RUNNING) {
            return bot.state() == BotState.STOPPING ? runtime.stop(bot.id()).then(lifecycle.move(bot, BotState.STOPPED,
                    "stopped")) : Mono.empty();
        }
        return runtime.stop(bot.id()).then(lifecycle.move(bot, BotState.FAILED, detail));
    }

    private Mono<Lifecycle.Moved> stopNow(Bot bot, String detail) {
        if (bot.state() == BotState.STOPPING) {
            return lifecycle.move(bot, BotState.STOPPED, detail);
        }
        return lifecycle.move(bot, BotState.STOPPING, detail)
                .flatMap(first -> lifecycle.move(first.bot(), BotState.STOPPED, detail).map(first::and));
    }

    /** Runs {@code work} on the bot (null when there is none) with its row locked; publishes after commit. */
    private Mono<Void> locked(UUID id, java.util.function.Function<Bot, Mono<Lifecycle.Moved>> work) {
        return lifecycle.commitThenPublish(() -> store.lock(id).map(Optional::of).defaultIfEmpty(Optional.empty())
                        .flatMap(bot -> work.apply(bot.orElse(null)))
                        .flatMap(lifecycle::deleteIfAsked))
                .then()
                .onErrorResume(e -> {
                    log.error("bot {}: could not converge: {}", id, e.toString());
                    return Mono.empty();
                });
    }

}
