package io.knag.kernel.lifecycle;

import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Work that runs every {@code every} while the application runs, one run at a time (a tick that finds the last
 * run still going is dropped), after {@code first} has completed; a failed run is logged by class and the next
 * tick runs again. {@code every} of zero runs nothing: for hosts that do not run between requests.
 */
public final class Periodic implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Periodic.class);

    private final String name;
    private final Duration every;
    private final Supplier<Mono<?>> first;
    private final Supplier<Mono<?>> work;
    private volatile Disposable running;

    public Periodic(String name, Duration every, Supplier<Mono<?>> first, Supplier<Mono<?>> work) {
        this.name = name;
        this.every = every;
        this.first = first;
        this.work = work;
    }

    public Periodic(String name, Duration every, Supplier<Mono<?>> work) {
        this(name, every, Mono::empty, work);
    }

    @Override
    public void start() {
        if (every.isZero()) {
            return;
        }
        running = Mono.defer(first)
                .thenMany(Flux.interval(every, every, Schedulers.boundedElastic()).onBackpressureDrop())
                .concatMap(tick -> Mono.defer(work).onErrorResume(e -> {
                    log.warn("{} failed: {}", name, e.getClass().getSimpleName());
                    return Mono.empty();
                }), 1)
                .retry()
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
