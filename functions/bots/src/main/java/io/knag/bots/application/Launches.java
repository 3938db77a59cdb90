package io.knag.bots.application;

import io.knag.bots.BotStartRequested;
import io.knag.bots.BotStopRequested;
import io.knag.bots.BotView;
import io.knag.bots.StartBot;
import io.knag.bots.StopBot;
import io.knag.bots.domain.Bot;
import io.knag.bots.domain.BotProblems;
import io.knag.bots.domain.BotState;
import io.knag.bots.domain.ImageAllowlist;
import io.knag.bots.domain.Quotas;
import io.knag.kernel.KnagException;
import io.knag.kernel.ProblemType;
import io.knag.kernel.UserId;
import io.knag.kernel.auth.Authenticated;
import io.knag.vault.LaunchEnvelope;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Starting and stopping, as their owner asks: a start opens the bot's credential with the password (sealed
 * at once to the bot manager) and emits {@code io.knag.bot.start.requested}; a stop emits
 * {@code io.knag.bot.stop.requested}. The bot manager does the rest.
 */
public final class Launches {

    private static final Logger log = LoggerFactory.getLogger(Launches.class);

    private final BotStore store;
    private final BotCredentials credentials;
    private final Quotas quotas;
    private final ImageAllowlist allowlist;
    private final ManagerKey managerKey;
    private final Lifecycle lifecycle;

    public Launches(BotStore store, BotCredentials credentials, Quotas quotas, ImageAllowlist allowlist,
                    ManagerKey managerKey, Lifecycle lifecycle) {
        this.store = store;
        this.credentials = credentials;
        this.quotas = quotas;
        this.allowlist = allowlist;
        this.managerKey = managerKey;
        this.lifecycle = lifecycle.as(Lifecycle.BOTS);
    }

    /**
     * Load the owner's bot → check it may start (before the password is tried: a running bot costs no vault
     * attempt) → open its credential for the bot manager → under lock, check again and move it to STARTING with
     * the start request → publish after the commit.
     */
    public Mono<BotView> start(Authenticated<StartBot> command) {
        UserId owner = command.caller().userId();
        UUID id = command.request().id();
        return store.find(owner, id).switchIfEmpty(Mono.error(Bots::notFound))
                .flatMap(bot -> checkStart(owner, bot).thenReturn(bot))
                .flatMap(bot -> openForManager(owner, bot, command.request().password()))
                .flatMap(envelope -> lifecycle.commitThenPublish(() -> lockToStart(owner, id)
                        .flatMap(bot -> requestStart(bot, envelope))))
                .map(moved -> BotView.of(moved.bot()))
                .doOnNext(view -> log.info("bot {} start requested (state {})", view.id(), view.state()));
    }

    /** Under lock: check the bot may stop → move it to STOPPING with the stop request → publish after the commit. */
    public Mono<BotView> stop(Authenticated<StopBot> command) {
        UserId owner = command.caller().userId();
        return lifecycle.commitThenPublish(() -> store.lock(command.request().id())
                        .filter(bot -> bot.owner().equals(owner))
                        .switchIfEmpty(Mono.error(Bots::notFound))
                        .flatMap(this::requestStop))
                .map(moved -> BotView.of(moved.bot()))
                .doOnNext(view -> log.info("bot {} stop requested", view.id()));
    }

    private Mono<LaunchEnvelope> openForManager(UserId owner, Bot bot, String password) {
        return credentials.openForLaunch(owner, password, bot.definition().credentialId(), bot.id(),
                        managerKey.publicKey())
                .onErrorMap(KnagException.class, Launches::credentialGone);
    }

    /** The bot, locked after its owner's other bots (the quota is counted under that lock), checked again. */
    private Mono<Bot> lockToStart(UserId owner, UUID id) {
        return store.lockOwner(owner)
                .then(store.lock(id))
                .filter(bot -> bot.owner().equals(owner))
                .switchIfEmpty(Mono.error(Bots::notFound))
                .flatMap(bot -> checkStart(owner, bot).thenReturn(bot));
    }

    private Mono<Lifecycle.Moved> requestStop(Bot bot) {
        if (bot.state() != BotState.STARTING && bot.state() != BotState.RUNNING) {
            return Mono.error(new KnagException(BotProblems.BOT_NOT_RUNNING,
                    "The bot is " + bot.state() + "; only a starting or running bot can be stopped"));
        }
        return lifecycle.move(bot, BotState.STOPPING, "stop requested by its owner")
                .map(moved -> moved.with(lifecycle.event(BotStopRequested.TYPE, BotStopRequested.SOURCE, moved.bot(),
                        new BotStopRequested(bot.id(), bot.owner().value(), bot.generation(), "requested by its owner"))));
    }

    private Mono<Void> checkStart(UserId owner, Bot bot) {
        if (!bot.state().isAtRest() || bot.deleting()) {
            return Mono.error(new KnagException(BotProblems.BOT_NOT_STOPPED,
                    "The bot is " + bot.state() + (bot.deleting() ? " and being deleted" : "") + "; it cannot be started now"));
        }
        // The operator may have taken the image off the allowlist since the bot was defined.
        allowlist.check(bot.definition().image());
        return store.list(owner).collectList().doOnNext(bots -> quotas.checkStart(bots, bot)).then();
    }

    private Mono<Lifecycle.Moved> requestStart(Bot bot, LaunchEnvelope envelope) {
        if (!envelope.credentialId().equals(bot.definition().credentialId())) {
            return Mono.error(new KnagException(BotProblems.BOT_NOT_STOPPED,
                    "The bot was changed while it was being started; start it again"));
        }
        return lifecycle.move(bot, BotState.STARTING, "start requested by its owner")
                .map(moved -> moved.with(lifecycle.event(BotStartRequested.TYPE, BotStartRequested.SOURCE, moved.bot(),
                        new BotStartRequested(bot.id(), bot.owner().value(), moved.bot().generation(), envelope))));
    }

    /** A credential deleted from the vault after the bot was defined: the bot must be pointed at another. */
    private static Throwable credentialGone(KnagException e) {
        return e.type().equals(ProblemType.NOT_FOUND) ? new KnagException(BotProblems.CREDENTIAL_MISSING,
                "The credential this bot trades with is no longer in your vault; update the bot with another") : e;
    }
}
