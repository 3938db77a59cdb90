package io.knag.bots.application;

import io.knag.bots.domain.Bot;
import io.knag.bots.domain.BotState;
import io.knag.bots.runtime.BotRuntime;
import io.knag.bots.runtime.Observation;
import io.knag.bots.runtime.Workload;
import io.knag.bots.runtime.WorkloadPhase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
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

    /** What the runtime saw happen to one workload: under the bot's lock, the move it means, if any. */
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
                case RUNNING -> started(bot);
                case RESTARTED -> restarted(bot, observation.detail());
                case FAILED -> fail(bot, observation.detail());
                case EXITED -> exited(bot, observation.detail());
                case GONE -> gone(bot, observation.detail());
            };
        });
    }

    /** A launch that came up; a bot no longer starting (stopped meanwhile) stays as it is. */
    private Mono<Lifecycle.Moved> started(Bot bot) {
        if (bot.state() != BotState.STARTING) {
            return Mono.empty();
        }
        return lifecycle.move(bot, BotState.RUNNING, "running");
    }

    /** The runtime restarted a running bot's workload: recorded in its history, still running. */
    private Mono<Lifecycle.Moved> restarted(Bot bot, String detail) {
        if (bot.state() != BotState.RUNNING) {
            return Mono.empty();
        }
        return lifecycle.move(bot, BotState.RUNNING, detail);
    }

    /** A running bot that ended by itself has stopped; one that ended while starting has failed. */
    private Mono<Lifecycle.Moved> exited(Bot bot, String detail) {
        if (bot.state() != BotState.RUNNING) {
            return fail(bot, detail);
        }
        return runtime.stop(bot.id()).then(lifecycle.move(bot, BotState.STOPPED, detail));
    }

    /** A workload gone while its bot was stopping is the stop done; gone at any other time, the bot failed. */
    private Mono<Lifecycle.Moved> gone(Bot bot, String detail) {
        if (bot.state() != BotState.STOPPING) {
            return fail(bot, detail);
        }
        return runtime.stop(bot.id()).then(lifecycle.move(bot, BotState.STOPPED, "stopped"));
    }

    /** Compares every active bot with the runtime's inventory, and removes workloads no bot wants. */
    public Mono<Void> reconcile() {
        return Mono.defer(() -> {
            Instant snapshot = clock.instant().truncatedTo(ChronoUnit.MICROS);
            return runtime.inventory().map(inventory -> Map.entry(snapshot, inventory));
        }).flatMap(seen -> reconcile(seen.getKey(), seen.getValue()));
    }

    /**
     * A bot that changed after the inventory was taken (a launch completing meanwhile) is left to the next round:
     * the inventory no longer tells its truth.
     */
    private Mono<Void> reconcile(Instant snapshot, Map<UUID, Workload> inventory) {
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

    /** A starting or running bot whose workload broke has failed; a stopping one has simply stopped. */
    private Mono<Lifecycle.Moved> fail(Bot bot, String detail) {
        if (bot.state() == BotState.STOPPING) {
            return runtime.stop(bot.id()).then(lifecycle.move(bot, BotState.STOPPED, "stopped"));
        }
        if (bot.state() != BotState.STARTING && bot.state() != BotState.RUNNING) {
            return Mono.empty();
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
    private Mono<Void> locked(UUID id, Function<Bot, Mono<Lifecycle.Moved>> work) {
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
