package io.knag.bots.application;

import io.knag.bots.BotStatusChanged;
import io.knag.bots.domain.Bot;
import io.knag.bots.domain.BotState;
import io.knag.bots.runtime.BotRuntime;
import io.knag.kernel.Ids;
import io.knag.kernel.events.Event;
import io.knag.kernel.events.EventPublisher;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Moves bots between states: each move is written with its history row in the caller's transaction, and
 * becomes an {@code io.knag.bot.status.changed} event that the caller publishes once that transaction has
 * committed (an in-process consumer must never wait on a row this transaction holds).
 */
final class Lifecycle {

    private static final Logger log = LoggerFactory.getLogger(Lifecycle.class);

    /** The bot after some moves, and the events to publish once they are committed. */
    record Moved(Bot bot, List<Event> events) {

        Moved and(Moved next) {
            List<Event> all = new ArrayList<>(events);
            all.addAll(next.events);
            return new Moved(next.bot, all);
        }

        Moved with(Event event) {
            List<Event> all = new ArrayList<>(events);
            all.add(event);
            return new Moved(bot, all);
        }
    }

    private final BotStore store;
    private final EventPublisher publisher;
    private final BotRuntime runtime;
    private final Clock clock;
    private final String source;

    /** {@code source}: who moves the bots, {@code /knag/bots} or {@code /knag/bot-manager}. */
    Lifecycle(BotStore store, BotRuntime runtime, EventPublisher publisher, Clock clock, String source) {
        this.store = store;
        this.runtime = runtime;
        this.publisher = publisher;
        this.clock = clock;
        this.source = source;
    }

    Mono<Moved> move(Bot bot, BotState to, String detail) {
        if (!bot.state().canMoveTo(to)) {
            return Mono.error(new IllegalStateException("bot " + bot.id() + " cannot move from " + bot.state() + " to " + to));
        }
        Bot moved = to == BotState.STARTING ? bot.nextLaunch(now()) : bot.withState(to, now());
        return changed(moved, bot.state(), detail).map(event -> new Moved(moved, List.of(event)))
                .flatMap(result -> store.update(moved).thenReturn(result));
    }

    /** A new bot's first row of history. */
    Mono<Event> created(Bot bot) {
        return changed(bot, null, "created");
    }

    /** A bot deleted while it ran goes once it has stopped. */
    Mono<Moved> deleteIfAsked(Moved moved) {
        if (moved.bot() != null && moved.bot().deleting() && moved.bot().state().isAtRest()) {
            return delete(moved.bot().id()).thenReturn(moved);
        }
        return Mono.just(moved);
    }

    /** Deletes the bot with its history, and lets the runtime forget what it kept of it (its output). */
    Mono<Void> delete(java.util.UUID botId) {
        return store.delete(botId).then(runtime.forget(botId));
    }

    /**
     * Publishes what was committed. A consumer that fails does not undo it (and must not fail the request
     * that made it): the failure is logged, and reconciliation converges what the event would have done.
     */
    Mono<Void> publish(List<Event> events) {
        return Flux.fromIterable(events)
                .concatMap(event -> publisher.publish(event).onErrorResume(e -> {
                    log.error("event {} ({}) for {} was committed but not delivered: {}", event.id(), event.type(),
                            event.subject(), e.toString());
                    return Mono.empty();
                }))
                .then();
    }

    Event event(String type, String source, Bot bot, Object data) {
        return new Event(Ids.newId(clock), type, source, bot.id().toString(), now(), data);
    }

    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private Mono<Event> changed(Bot bot, BotState from, String detail) {
        var change = new BotStatusChanged(bot.id(), bot.owner().value(), from, bot.state(), bot.updatedAt(), detail);
        return store.record(change).thenReturn(event(BotStatusChanged.TYPE, source, bot, change));
    }
}
