package io.knag.bots.internal;

import io.knag.bots.application.BotStore;
import io.knag.bots.application.Convergence;
import io.knag.bots.runtime.BotRuntime;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/**
 * Runs the bot manager's convergence while the application runs: what the runtime observes, a reconcile at
 * start-up and every interval, and forgetting old handled event ids. When the application stops and the
 * runtime's bots stop with it, they are stopped and recorded as stopped.
 */
final class BotManagerLifecycle implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(BotManagerLifecycle.class);

    private final Convergence convergence;
    private final BotRuntime runtime;
    private final BotStore store;
    private final BotsProperties properties;
    private final Clock clock;
    private volatile Disposable.Composite running;

    BotManagerLifecycle(Convergence convergence, BotRuntime runtime, BotStore store, BotsProperties properties,
                        Clock clock) {
        this.convergence = convergence;
        this.runtime = runtime;
        this.store = store;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void start() {
        Disposable.Composite tasks = Disposables.composite();
        tasks.add(runtime.observations()
                .concatMap(observation -> convergence.observe(observation))
                .retry()
                .subscribe());
        tasks.add(Flux.interval(properties.firstReconcileDelay(), properties.reconcileInterval(), Schedulers.boundedElastic())
                .onBackpressureDrop()
                .concatMap(tick -> convergence.reconcile()
                        .then(store.forgetHandledBefore(clock.instant().minus(properties.rememberEventsFor())))
                        .onErrorResume(e -> {
                            log.warn("reconcile failed: {}", e.toString());
                            return reactor.core.publisher.Mono.empty();
                        }), 1)
                .subscribe());
        running = tasks;
        log.info("bot manager running (reconcile every {})", properties.reconcileInterval());
    }

    @Override
    public void stop() {
        Disposable.Composite tasks = running;
        running = null;
        if (tasks != null) {
            tasks.dispose();
        }
        if (runtime.botsStopWithPlatform()) {
            convergence.platformStopping().block(Duration.ofSeconds(60));
            log.info("bots of this platform stopped");
        }
    }

    @Override
    public boolean isRunning() {
        return running != null;
    }

    /** Stops before the web server and the database pool (which stop in later, lower phases). */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000;
    }
}
