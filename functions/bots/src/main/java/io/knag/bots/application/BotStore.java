package io.knag.bots.application;

import io.knag.bots.BotStatusChanged;
import io.knag.bots.domain.Bot;
import io.knag.kernel.UserId;
import java.time.Instant;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Where bots and their histories are kept. The {@code lock} methods hold rows until the transaction ends. */
public interface BotStore {

    Mono<Void> insert(Bot bot);

    Flux<Bot> list(UserId owner);

    Mono<Long> count(UserId owner);

    Mono<Bot> find(UserId owner, UUID id);

    /** The bot whoever owns it, its row locked. */
    Mono<Bot> lock(UUID id);

    /** Serialises the owner's creates and starts until the transaction ends, so quota checks see no race. */
    Mono<Void> lockOwner(UserId owner);

    /** Bots that want a workload or are losing one (STARTING, RUNNING, STOPPING). */
    Flux<Bot> active();

    Mono<Void> update(Bot bot);

    Mono<Void> delete(UUID id);

    /** Records the broker launch {@code generation} trades with (its reports are checked against that broker). */
    Mono<Void> launchedWith(UUID id, long generation, String broker);

    Mono<Void> record(BotStatusChanged change);

    /** The newest {@code limit} changes of a bot, oldest first. */
    Flux<BotStatusChanged> history(UUID botId, int limit);

    /** Remembers that event {@code eventId} was handled; false when it was already. */
    Mono<Boolean> markHandled(UUID eventId, Instant at);

    /** Forgets handled events older than {@code before}. */
    Mono<Long> forgetHandledBefore(Instant before);
}
