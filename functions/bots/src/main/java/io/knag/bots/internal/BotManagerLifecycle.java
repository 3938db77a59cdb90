package io.knag.bots.internal;

import io.knag.bots.BotStore;
import io.knag.bots.Convergence;
import io.knag.bots.runtime.BotRuntime;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Runs the bot manager's convergence while the application runs: what the runtime observes, a reconcile
 * every interval, and forgetting old handled event ids. It begins after the first reconcile delay rather than
 * during start-up, so that a cold start answers its first request without first building the runtime (the local
 * runtime's supervisor, or the Kubernetes informers) and the convergence around it. When the application stops
 * and the runtime's bots stop with it, they are stopped and recorded as stopped.
 */
final class BotManagerLifecycle implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(BotManagerLifecycle.class);

    private final ObjectProvider<Convergence> convergence;
    private final ObjectProvider<BotRuntime> runtime;
    private final ObjectProvider<BotStore> store;
    private final BotsProperties properties;
    private final Clock clock;
    private volatile Disposable.Composite running;

    BotManagerLifecycle(ObjectProvider<Convergence> convergence, ObjectProvider<BotRuntime> runtime,
                        ObjectProvider<BotStore> store, BotsProperties properties, Clock clock) {
        this.convergence = convergence;
        this.runtime = runtime;
        this.store = store;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void start() {
        Disposable.Composite tasks = Disposables.composite();
        tasks.add(Mono.delay(properties.firstReconcileDelay(), Schedulers.boundedElastic())
                .subscribe(tick -> begin(tasks)));
        running = tasks;
        log.info("bot manager running (first reconcile in {}, then every {})", properties.firstReconcileDelay(),
                properties.reconcileInterval());
    }

    /** Adding to tasks that were disposed meanwhile (the application stopping) disposes what is added. */
    private void begin(Disposable.Composite tasks) {
        Convergence manager = convergence.getObject();
        tasks.add(runtime.getObject().observations()
                .concatMap(manager::observe)
                .retry()
                .subscribe());
        tasks.add(Flux.interval(Duration.ZERO, properties.reconcileInterval(), Schedulers.boundedElastic())
                .onBackpressureDrop()
                .concatMap(tick -> manager.reconcile()
                        .then(store.getObject().forgetHandledBefore(clock.instant().minus(properties.rememberEventsFor())))
                        .onErrorResume(e -> {
                            log.warn("reconcile failed: {}", e.toString());
                            return Mono.empty();
                        }), 1)
                .subscribe());
    }

    @Override
    public void stop() {
        Disposable.Composite tasks = running;
        running = null;
        if (tasks != null) {
            tasks.dispose();
        }
        if (runtime.getObject().botsStopWithPlatform()) {
            convergence.getObject().platformStopping().block(Duration.ofSeconds(60));
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
