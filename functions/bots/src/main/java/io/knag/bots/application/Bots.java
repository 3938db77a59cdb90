package io.knag.bots.application;

import io.knag.bots.BotImages;
import io.knag.bots.BotLogs;
import io.knag.bots.BotLogsQuery;
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
    private final Clock clock;

    public Bots(BotStore store, BotCredentials credentials, BotRuntime runtime, ImageAllowlist allowlist, Quotas quotas,
                Lifecycle lifecycle, Clock clock) {
        this.store = store;
        this.credentials = credentials;
        this.runtime = runtime;
        this.allowlist = allowlist;
        this.quotas = quotas;
        this.lifecycle = lifecycle.as(Lifecycle.BOTS);
        this.clock = clock;
    }

    /**
     * Check the definition (image, then credential, then resources: an unknown credential is the first thing to fix)
     * → under the owner's lock, count and insert → publish.
     */
    public Mono<BotView> create(Authenticated<CreateBot> command) {
        UserId owner = command.caller().userId();
        return Mono.fromCallable(() -> allowed(command.request().definition()))
                .flatMap(definition -> checkCredential(owner, definition).thenReturn(definition))
                .map(this::checked)
                .flatMap(definition -> lifecycle.commitThenPublish(() -> insertWithinQuota(owner, definition)))
                .map(moved -> BotView.of(moved.bot()))
                .doOnNext(view -> log.info("bot {} created for {}", view.id(), owner));
    }

    /** The images the caller may define bots with: the operator's allowlist. */
    public Mono<BotImages> images(Caller caller) {
        return Mono.just(BotImages.of(allowlist));
    }

    public Mono<List<BotView>> list(Caller caller) {
        return store.list(caller.userId()).map(BotView::of).collectList();
    }

    public Mono<BotView> get(Authenticated<UUID> command) {
        return owned(command.caller().userId(), command.request()).map(BotView::of);
    }

    /**
     * Check the changed definition (image, credential, resources) → under lock, apply the changes again to the row
     * as it is then (a concurrent change of another field is kept) and store it. Nothing is published: an update
     * changes no state.
     */
    public Mono<BotView> update(Authenticated<UpdateBot> command) {
        UserId owner = command.caller().userId();
        UpdateBot update = command.request();
        return owned(owner, update.id())
                .map(bot -> checked(allowed(update.changes().applyTo(bot.definition()))))
                .flatMap(definition -> checkCredential(owner, definition))
                .then(Mono.defer(() -> lifecycle.commitThenPublish(() -> lockOwned(owner, update.id())
                        .flatMap(bot -> store(changed(bot, update))))))
                .map(moved -> BotView.of(moved.bot()))
                .doOnNext(view -> log.info("bot {} updated", view.id()));
    }

    /** Deletes a stopped bot at once; a running one is stopped first and deleted once it has stopped. */
    public Mono<DeleteOutcome> delete(Authenticated<UUID> command) {
        UserId owner = command.caller().userId();
        return lifecycle.commitThenPublish(() -> lockOwned(owner, command.request()).flatMap(this::deleteOrStop))
                .map(moved -> moved.bot() == null ? DeleteOutcome.DELETED : DeleteOutcome.STOPPING_THEN_DELETED)
                .doOnNext(outcome -> log.info("bot {} deleted ({})", command.request(), outcome));
    }

    /** Everything of a deleted user: stopped bots go now, running ones once stopped. */
    public Mono<Void> eraseAll(UserId owner) {
        return store.list(owner).map(Bot::id)
                .concatMap(id -> lifecycle.commitThenPublish(() -> store.lock(id).flatMap(this::deleteOrStop)))
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

    private Mono<Lifecycle.Moved> insertWithinQuota(UserId owner, BotDefinition definition) {
        return store.lockOwner(owner)
                .then(store.count(owner))
                .doOnNext(quotas::checkCreate)
                .then(Mono.defer(() -> {
                    var now = lifecycle.now();
                    Bot bot = new Bot(Ids.newId(clock), owner, definition, BotState.CREATED, 0, false, now, now);
                    return store.insert(bot).then(lifecycle.created(bot)).map(event -> new Lifecycle.Moved(bot,
                            List.of(event)));
                }));
    }

    private Bot changed(Bot bot, UpdateBot update) {
        requireAtRest(bot);
        return bot.withDefinition(checked(allowed(update.changes().applyTo(bot.definition()))), lifecycle.now());
    }

    private Mono<Lifecycle.Moved> store(Bot changed) {
        return store.update(changed).thenReturn(Lifecycle.Moved.nothing(changed));
    }

    private Mono<Lifecycle.Moved> deleteOrStop(Bot bot) {
        if (bot.state().isAtRest()) {
            return lifecycle.delete(bot.id()).thenReturn(Lifecycle.Moved.nothing(null));
        }
        Bot marked = bot.markedForDeletion(lifecycle.now());
        if (bot.state() == BotState.STOPPING) {
            return store.update(marked).thenReturn(Lifecycle.Moved.nothing(marked));
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
