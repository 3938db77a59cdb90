package io.knag.bots.application;

import io.knag.bots.BotStatusChanged;
import io.knag.bots.domain.Bot;
import io.knag.bots.domain.BotState;
import io.knag.bots.runtime.BotRuntime;
import io.knag.kernel.Ids;
import io.knag.kernel.Transactions;
import io.knag.kernel.events.Event;
import io.knag.kernel.events.EventPublisher;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Moves bots between states: each move is written with its history row in the caller's transaction, and
 * becomes an {@code io.knag.bot.status.changed} event published once that transaction has committed (an
 * in-process consumer must never wait on a row this transaction holds): {@link #commitThenPublish}. One bean,
 * shared by the use cases; each takes the view of it that names who moves the bots ({@link #as}).
 */
public final class Lifecycle {

    /** The source of the status changes the bots functions make (create, start, stop, delete). */
    public static final String BOTS = "/knag/bots";
    /** The source of the status changes the bot manager makes (provisioned, running, stopped, failed). */
    public static final String BOT_MANAGER = BotStatusChanged.SOURCE;

    private static final Logger log = LoggerFactory.getLogger(Lifecycle.class);

    /** The bot after some moves (null once deleted), and the events to publish once they are committed. */
    record Moved(Bot bot, List<Event> events) {

        static Moved nothing(Bot bot) {
            return new Moved(bot, List.of());
        }

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
    private final Transactions transactions;
    private final Clock clock;
    private final String source;

    public Lifecycle(BotStore store, BotRuntime runtime, EventPublisher publisher, Transactions transactions, Clock clock) {
        this(store, runtime, publisher, transactions, clock, BOT_MANAGER);
    }

    private Lifecycle(BotStore store, BotRuntime runtime, EventPublisher publisher, Transactions transactions,
                      Clock clock, String source) {
        this.store = store;
        this.runtime = runtime;
        this.publisher = publisher;
        this.transactions = transactions;
        this.clock = clock;
        this.source = source;
    }

    /** The same lifecycle, its status changes sent from {@code mover} ({@link #BOTS} or {@link #BOT_MANAGER}). */
    public Lifecycle as(String mover) {
        return new Lifecycle(store, runtime, publisher, transactions, clock, mover);
    }

    /** Runs {@code work} in one transaction and, once that has committed, publishes the events it made. */
    Mono<Moved> commitThenPublish(Supplier<Mono<Moved>> work) {
        return transactions.inTransaction(work).flatMap(moved -> publish(moved.events()).thenReturn(moved));
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
    Mono<Void> delete(UUID botId) {
        return store.delete(botId).then(runtime.forget(botId));
    }

    /**
     * Publishes what was committed. A consumer that fails does not undo it (and must not fail the request
     * that made it): the failure is logged, and reconciliation converges what the event would have done.
     */
    private Mono<Void> publish(List<Event> events) {
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
