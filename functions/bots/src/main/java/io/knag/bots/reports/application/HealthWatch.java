package io.knag.bots.reports.application;

import io.knag.bots.BotStatusChanged;
import io.knag.bots.application.BotStore;
import io.knag.bots.domain.BotState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Notices running bots that stopped reporting: no heartbeat (nor start) for {@code silentAfter} makes a bot
 * silent, said once in its status history; its next heartbeat says it is back ({@link BotReports}).
 */
public final class HealthWatch {

    private static final Logger log = LoggerFactory.getLogger(HealthWatch.class);

    private final ReportStore store;
    private final BotStore bots;
    private final Duration silentAfter;
    private final Clock clock;

    public HealthWatch(ReportStore store, BotStore bots, Duration silentAfter, Clock clock) {
        this.store = store;
        this.bots = bots;
        this.silentAfter = silentAfter;
        this.clock = clock;
    }

    /** One look at every running bot; returns how many went silent. */
    public Mono<Long> sweep() {
        return Mono.defer(() -> {
            Instant now = clock.instant();
            return store.silence(now.minus(silentAfter))
                    .concatMap(bot -> bots.record(new BotStatusChanged(bot.id(), bot.owner(), BotState.RUNNING, BotState.RUNNING,
                            now, "silent: no heartbeat for " + silentAfter.toSeconds() + " s")).thenReturn(bot))
                    .doOnNext(bot -> log.info("bot {} is silent: no heartbeat for {} s", bot.id(), silentAfter.toSeconds()))
                    .count();
        });
    }
}
