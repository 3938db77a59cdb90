package io.knag.bots.reports.internal;

import io.knag.bots.reports.application.HealthWatch;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** While the application runs, looks for silent bots every {@code every}. */
final class HealthWatchSchedule implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(HealthWatchSchedule.class);

    private final HealthWatch watch;
    private final Duration every;
    private volatile Disposable running;

    HealthWatchSchedule(HealthWatch watch, Duration every) {
        this.watch = watch;
        this.every = every;
    }

    @Override
    public void start() {
        running = Flux.interval(every, every, Schedulers.boundedElastic()).onBackpressureDrop()
                .concatMap(tick -> watch.sweep().onErrorResume(e -> {
                    log.warn("looking for silent bots failed: {}", e.getClass().getSimpleName());
                    return Mono.empty();
                }), 1)
                .subscribe();
    }

    @Override
    public void stop() {
        Disposable task = running;
        running = null;
        if (task != null) {
            task.dispose();
        }
    }

    @Override
    public boolean isRunning() {
        return running != null;
    }
}
