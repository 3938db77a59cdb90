package io.knag.bots.application;

import io.knag.bots.BotLogs;
import io.knag.bots.BotLogsQuery;
import io.knag.bots.BotStartRequested;
import io.knag.bots.BotStatusChanged;
import io.knag.bots.BotStopRequested;
import io.knag.bots.BotView;
import io.knag.bots.CreateBot;
import io.knag.bots.DeleteOutcome;
import io.knag.bots.UpdateBot;
import io.knag.bots.domain.Bot;
import io.knag.bots.domain.BotDefinition;
import io.knag.bots.domain.BotProblems;
import io.knag.bots.domain.BotState;
import io.knag.bots.domain.ImageAllowlist;
import io.knag.bots.domain.Quotas;
import io.knag.bots.runtime.BotRuntime;
import io.knag.kernel.Ids;
import io.knag.kernel.KnagException;
import io.knag.kernel.ProblemType;
import io.knag.kernel.Transactions;
import io.knag.kernel.UserId;
import io.knag.kernel.auth.Authenticated;
import io.knag.kernel.auth.Caller;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/** Bot definitions: create, list, read, change while stopped, delete; and what a bot did (history, output). */
public final class Bots {

    private static final Logger log = LoggerFactory.getLogger(Bots.class);
    static final int HISTORY_LIMIT = 200;

    private final BotStore store;
    private final BotCredentials credentials;
    private final BotRuntime runtime;
    private final ImageAllowlist allowlist;
    private final Quotas quotas;
    private final Lifecycle lifecycle;
    private final Transactions transactions;
    private final Clock clock;

    public Bots(BotStore store, BotCredentials credentials, BotRuntime runtime, ImageAllowlist allowlist, Quotas quotas,
                io.knag.kernel.events.EventPublisher publisher, Transactions transactions, Clock clock) {
        this.store = store;
        this.credentials = credentials;
        this.runtime = runtime;
        this.allowlist = allowlist;
        this.quotas = quotas;
        this.lifecycle = new Lifecycle(store, runtime, publisher, clock, BotStartRequested.SOURCE);
        this.transactions = transactions;
        this.clock = clock;
    }

    public Mono<BotView> create(Authenticated<CreateBot> command) {
        UserId owner = command.caller().userId();
        return Mono.fromCallable(() -> allowed(command.request().definition()))
                .flatMap(definition -> checkCredential(owner, definition).thenReturn(definition))
                .map(this::checked)
                .flatMap(definition -> transactions.inTransaction(() -> store.lockOwner(owner)
                        .then(store.count(owner))
                        .doOnNext(quotas::checkCreate)
                        .flatMap(count -> {
                            var now = lifecycle.now();
                            Bot bot = new Bot(Ids.newId(clock), owner, definition, BotState.CREATED, 0, false, now, now);
                            return store.insert(bot).then(lifecycle.created(bot)).map(event -> new Lifecycle.Moved(bot,
                                    List.of(event)));
                        })))
                .flatMap(moved -> lifecycle.publish(moved.events()).thenReturn(BotView.of(moved.bot())))
                .doOnNext(view -> log.info("bot {} created for {}", view.id(), owner));
    }

    public Mono<List<BotView>> list(Caller caller) {
        return store.list(caller.userId()).map(BotView::of).collectList();
    }

    public Mono<BotView> get(Authenticated<UUID> command) {
        return owned(command.caller().userId(), command.request()).map(BotView::of);
    }

    /** Changes a bot that is not running; the image and credential are checked again. */
    public Mono<BotView> update(Authenticated<UpdateBot> command) {
        UserId owner = command.caller().userId();
        UpdateBot update = command.request();
        return owned(owner, update.id())
                .map(bot -> checked(allowed(update.changes().applyTo(bot.definition()))))
                .flatMap(definition -> checkCredential(owner, definition).thenReturn(definition))
                // Applied again to the row as locked: a concurrent change of another field is kept.
                .flatMap(checkedFirst -> transactions.inTransaction(() -> lockOwned(owner, update.id())
                        .map(bot -> {
                            requireAtRest(bot);
                            return bot.withDefinition(checked(allowed(update.changes().applyTo(bot.definition()))),
                                    lifecycle.now());
                        })
                        .flatMap(changed -> store.update(changed).thenReturn(changed))))
                .map(BotView::of)
                .doOnNext(view -> log.info("bot {} updated", view.id()));
    }

    /** Deletes a stopped bot at once; a running one is stopped first and deleted once it has stopped. */
    public Mono<DeleteOutcome> delete(Authenticated<UUID> command) {
        UserId owner = command.caller().userId();
        return transactions.inTransaction(() -> lockOwned(owner, command.request()).flatMap(this::deleteOrStop))
                .flatMap(moved -> lifecycle.publish(moved.events())
                        .thenReturn(moved.bot() == null ? DeleteOutcome.DELETED : DeleteOutcome.STOPPING_THEN_DELETED))
                .doOnNext(outcome -> log.info("bot {} deleted ({})", command.request(), outcome));
    }

    /** Everything of a deleted user: stopped bots go now, running ones once stopped. */
    public Mono<Void> eraseAll(UserId owner) {
        return store.list(owner).map(Bot::id).collectList()
                .flatMapMany(reactor.core.publisher.Flux::fromIterable)
                .concatMap(id -> transactions.inTransaction(() -> store.lock(id).flatMap(this::deleteOrStop))
                        .flatMap(moved -> lifecycle.publish(moved.events())))
                .then()
                .doOnSuccess(done -> log.info("bots of deleted user {} erased or stopping", owner));
    }

    public Mono<BotLogs> logs(Authenticated<BotLogsQuery> command) {
        BotLogsQuery query = command.request();
        return owned(command.caller().userId(), query.id())
                .flatMap(bot -> runtime.logs(bot.id(), query.tail()).map(lines -> new BotLogs(bot.id(), bot.state(), lines)));
    }

    public Mono<List<BotStatusChanged>> history(Authenticated<UUID> command) {
        return owned(command.caller().userId(), command.request())
                .flatMap(bot -> store.history(bot.id(), HISTORY_LIMIT).collectList());
    }

    private Mono<Lifecycle.Moved> deleteOrStop(Bot bot) {
        if (bot.state().isAtRest()) {
            return lifecycle.delete(bot.id()).thenReturn(new Lifecycle.Moved(null, List.of()));
        }
        Bot marked = bot.markedForDeletion(lifecycle.now());
        if (bot.state() == BotState.STOPPING) {
            return store.update(marked).thenReturn(new Lifecycle.Moved(marked, List.of()));
        }
        return lifecycle.move(marked, BotState.STOPPING, "deleted by its owner; stopping first")
                .map(moved -> moved.with(lifecycle.event(BotStopRequested.TYPE, BotStopRequested.SOURCE, moved.bot(),
                        new BotStopRequested(bot.id(), bot.owner().value(), bot.generation(), "deleted"))));
    }

    private BotDefinition allowed(BotDefinition definition) {
        allowlist.check(definition.image());
        return definition;
    }

    private BotDefinition checked(BotDefinition definition) {
        quotas.checkDefinition(definition.resources());
        return definition;
    }

    private Mono<Void> checkCredential(UserId owner, BotDefinition definition) {
        return credentials.exists(owner, definition.credentialId())
                .flatMap(exists -> exists ? Mono.<Void>empty() : Mono.error(new KnagException(
                        BotProblems.UNKNOWN_CREDENTIAL, "There is no credential " + definition.credentialId()
                        + " in your vault; add it first, or pick one from GET /api/v1/vault/credentials")));
    }

    static void requireAtRest(Bot bot) {
        if (!bot.state().isAtRest() || bot.deleting()) {
            throw new KnagException(BotProblems.BOT_NOT_STOPPED,
                    "The bot is " + bot.state() + (bot.deleting() ? " and being deleted" : "") + "; stop it first");
        }
    }

    Mono<Bot> owned(UserId owner, UUID id) {
        return store.find(owner, id).switchIfEmpty(Mono.error(Bots::notFound));
    }

    Mono<Bot> lockOwned(UserId owner, UUID id) {
        return store.lock(id).filter(bot -> bot.owner().equals(owner)).switchIfEmpty(Mono.error(Bots::notFound));
    }

    static KnagException notFound() {
        return new KnagException(ProblemType.NOT_FOUND, "No such bot");
    }
}
