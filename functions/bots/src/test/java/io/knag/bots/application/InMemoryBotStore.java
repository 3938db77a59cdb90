package io.knag.bots.application;

import io.knag.bots.BotStatusChanged;
import io.knag.bots.domain.Bot;
import io.knag.bots.domain.BotState;
import io.knag.kernel.Transactions;
import io.knag.kernel.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@link BotStore} in memory, for use-case tests that need no database, with the transactions it takes part in: a
 * transaction that fails leaves the store as it found it. It keeps what the R2DBC store keeps the way that store
 * keeps it ({@code BotStoreContract} runs the same checks on both); its locks lock nothing, so it is for tests that
 * call one use case at a time.
 */
public final class InMemoryBotStore implements BotStore, Transactions {

    private static final Set<BotState> ACTIVE = Set.of(BotState.STARTING, BotState.RUNNING, BotState.STOPPING);

    private record State(Map<UUID, Bot> bots, List<BotStatusChanged> history, Map<UUID, Instant> handled) {

        State copy() {
            return new State(new LinkedHashMap<>(bots), new ArrayList<>(history), new LinkedHashMap<>(handled));
        }
    }

    private State state = new State(new LinkedHashMap<>(), new ArrayList<>(), new LinkedHashMap<>());
    private int depth;

    @Override
    public <T> Mono<T> inTransaction(Supplier<Mono<T>> work) {
        return Mono.defer(() -> {
            State before = depth++ == 0 ? state.copy() : null;
            return work.get()
                    .doOnError(e -> {
                        if (before != null) {
                            state = before;
                        }
                    })
                    .doFinally(signal -> depth--);
        });
    }

    @Override
    public Mono<Void> insert(Bot bot) {
        return Mono.fromRunnable(() -> {
            if (state.bots.putIfAbsent(bot.id(), bot) != null) {
                throw new IllegalStateException("bot " + bot.id() + " exists");
            }
        });
    }

    @Override
    public Flux<Bot> list(UserId owner) {
        return Flux.defer(() -> Flux.fromIterable(state.bots.values().stream().filter(bot -> bot.owner().equals(owner))
                .sorted(Comparator.comparing(Bot::createdAt).thenComparing(Bot::id)).toList()));
    }

    @Override
    public Mono<Long> count(UserId owner) {
        return list(owner).count();
    }

    @Override
    public Mono<Bot> find(UserId owner, UUID id) {
        return Mono.fromSupplier(() -> state.bots.get(id)).filter(bot -> bot.owner().equals(owner));
    }

    @Override
    public Mono<Bot> lock(UUID id) {
        return Mono.fromSupplier(() -> state.bots.get(id));
    }

    @Override
    public Mono<Void> lockOwner(UserId owner) {
        return Mono.empty();
    }

    @Override
    public Flux<Bot> active() {
        return Flux.defer(() -> Flux.fromIterable(state.bots.values().stream().filter(bot -> ACTIVE.contains(bot.state()))
                .sorted(Comparator.comparing(Bot::updatedAt).thenComparing(Bot::id)).toList()));
    }

    /** Writes the definition and the lifecycle; what reports keep (last heartbeat, silence) stays as it is. */
    @Override
    public Mono<Void> update(Bot bot) {
        return Mono.fromRunnable(() -> state.bots.computeIfPresent(bot.id(), (id, kept) -> new Bot(id, kept.owner(),
                bot.definition(), bot.state(), bot.generation(), bot.deleting(), kept.createdAt(), bot.updatedAt(),
                kept.lastHeartbeatAt(), kept.silent())));
    }

    /** Deletes the bot with its history. */
    @Override
    public Mono<Void> delete(UUID id) {
        return Mono.fromRunnable(() -> {
            state.bots.remove(id);
            state.history.removeIf(change -> change.botId().equals(id));
        });
    }

    @Override
    public Mono<Void> launchedWith(UUID id, long generation, String broker) {
        return Mono.fromRunnable(() -> state.bots.computeIfPresent(id, (key, bot) -> bot.generation() != generation ? bot
                : new Bot(id, bot.owner(), bot.definition(), bot.state(), bot.generation(), bot.deleting(),
                        bot.createdAt(), bot.updatedAt(), bot.lastHeartbeatAt(), false)));
    }

    @Override
    public Mono<Void> record(BotStatusChanged change) {
        return Mono.fromRunnable(() -> {
            if (!state.bots.containsKey(change.botId())) {
                throw new IllegalStateException("history of unknown bot " + change.botId());
            }
            state.history.add(change);
        });
    }

    @Override
    public Flux<BotStatusChanged> history(UUID botId, int limit) {
        return Flux.defer(() -> {
            List<BotStatusChanged> all = state.history.stream().filter(change -> change.botId().equals(botId)).toList();
            return Flux.fromIterable(all.subList(Math.max(0, all.size() - limit), all.size()));
        });
    }

    @Override
    public Mono<Boolean> markHandled(UUID eventId, Instant at) {
        return Mono.fromSupplier(() -> state.handled.putIfAbsent(eventId, at) == null);
    }

    @Override
    public Mono<Long> forgetHandledBefore(Instant before) {
        return Mono.fromSupplier(() -> {
            long kept = state.handled.size();
            state.handled.values().removeIf(at -> at.isBefore(before));
            return kept - state.handled.size();
        });
    }

    /** How many bots there are, of every owner. */
    public int size() {
        return state.bots.size();
    }
}
