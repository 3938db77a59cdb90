package io.knag.bots;

import io.knag.kernel.Ids;
import io.knag.kernel.events.Event;
import io.knag.kernel.events.EventPublisher;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Moves bots between states: each move is written with its history row in the caller's transaction, and
 * becomes an {@code io.knag.bot.status.changed} event that the caller publishes once that transaction has
 * committed (an in-process consumer must never wait on a row this transaction holds).
 */
final class Lifecycle {

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
    private final Clock clock;

    Lifecycle(BotStore store, EventPublisher publisher, Clock clock) {
        this.store = store;
        this.publisher = publisher;
        this.clock = clock;
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
            return store.delete(moved.bot().id()).thenReturn(moved);
        }
        return Mono.just(moved);
    }

    Mono<Void> publish(List<Event> events) {
        return Flux.fromIterable(events).concatMap(publisher::publish).then();
    }

    Event event(String type, String source, Bot bot, Object data) {
        return new Event(Ids.newId(clock), type, source, bot.id().toString(), now(), data);
    }

    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private Mono<Event> changed(Bot bot, BotState from, String detail) {
        var change = new BotStatusChanged(bot.id(), bot.owner().value(), from, bot.state(), bot.updatedAt(), detail);
        return store.record(change).thenReturn(event(BotStatusChanged.TYPE, BotStatusChanged.SOURCE, bot, change));
    }
}
