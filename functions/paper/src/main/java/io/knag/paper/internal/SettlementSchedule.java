package io.knag.paper.internal;

import io.knag.paper.application.Settlement;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** While the application runs: open orders back on the book, then a settlement sweep every interval. */
final class SettlementSchedule implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SettlementSchedule.class);

    private final Settlement settlement;
    private final Duration every;
    private volatile Disposable running;

    SettlementSchedule(Settlement settlement, Duration every) {
        this.settlement = settlement;
        this.every = every;
    }

    @Override
    public void start() {
        if (every.isZero()) {
            return;
        }
        running = settlement.load()
                .thenMany(Flux.interval(every, every, Schedulers.boundedElastic()).onBackpressureDrop())
                .concatMap(tick -> settlement.sweep().onErrorResume(e -> {
                    log.warn("paper settlement sweep failed: {}", e.getClass().getSimpleName());
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
