package io.knag.bots.internal;

import io.knag.bots.BotStartRequested;
import io.knag.bots.BotStopRequested;
import io.knag.bots.application.BotManager;
import io.knag.kernel.events.Event;
import io.knag.kernel.events.EventConsumer;
import reactor.core.publisher.Mono;

/** Delivers {@code io.knag.bot.start.requested} and {@code io.knag.bot.stop.requested} to the bot manager. */
final class BotRequestsConsumer implements EventConsumer {

    private final BotManager manager;

    BotRequestsConsumer(BotManager manager) {
        this.manager = manager;
    }

    @Override
    public boolean accepts(String type) {
        return BotStartRequested.TYPE.equals(type) || BotStopRequested.TYPE.equals(type);
    }

    @Override
    public Mono<Void> consume(Event event) {
        return manager.handle(event);
    }
}
