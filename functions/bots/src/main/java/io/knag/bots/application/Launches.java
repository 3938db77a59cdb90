package io.knag.bots.application;

import io.knag.bots.BotStartRequested;
import io.knag.bots.BotStopRequested;
import io.knag.bots.BotView;
import io.knag.bots.StartBot;
import io.knag.bots.domain.Bot;
import io.knag.bots.domain.BotProblems;
import io.knag.bots.domain.BotState;
import io.knag.bots.domain.ImageAllowlist;
import io.knag.bots.domain.Quotas;
import io.knag.bots.runtime.BotRuntime;
import io.knag.kernel.KnagException;
import io.knag.kernel.ProblemType;
import io.knag.kernel.Transactions;
import io.knag.kernel.UserId;
import io.knag.kernel.auth.Authenticated;
import io.knag.kernel.events.EventPublisher;
import io.knag.vault.LaunchEnvelope;
import java.time.Clock;
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
    private final byte[] managerPublicKey;
    private final Lifecycle lifecycle;
    private final Transactions transactions;

    public Launches(BotStore store, BotCredentials credentials, Quotas quotas, ImageAllowlist allowlist,
                    byte[] managerPublicKey, BotRuntime runtime, EventPublisher publisher, Transactions transactions,
                    Clock clock) {
        this.store = store;
        this.credentials = credentials;
        this.quotas = quotas;
        this.allowlist = allowlist;
        this.managerPublicKey = managerPublicKey.clone();
        this.lifecycle = new Lifecycle(store, runtime, publisher, clock, BotStartRequested.SOURCE);
        this.transactions = transactions;
    }

    public Mono<BotView> start(Authenticated<StartBot> command) {
        UserId owner = command.caller().userId();
        UUID id = command.request().id();
        // Checked before the password is tried (a running bot costs no vault attempt), and again under lock.
        return store.find(owner, id).switchIfEmpty(Mono.error(Bots::notFound))
                .flatMap(bot -> checkStart(owner, bot).thenReturn(bot))
                .flatMap(bot -> credentials.openForLaunch(owner, command.request().password(),
                                bot.definition().credentialId(), bot.id(), managerPublicKey)
                        .onErrorMap(KnagException.class, Launches::credentialGone))
                .flatMap(envelope -> transactions.inTransaction(() -> store.lockOwner(owner)
                        .then(store.lock(id))
                        .filter(bot -> bot.owner().equals(owner))
                        .switchIfEmpty(Mono.error(Bots::notFound))
                        .flatMap(bot -> checkStart(owner, bot).thenReturn(bot))
                        .flatMap(bot -> launch(bot, envelope))))
                .flatMap(moved -> lifecycle.publish(moved.events()).thenReturn(BotView.of(moved.bot())))
                .doOnNext(view -> log.info("bot {} start requested (state {})", view.id(), view.state()));
    }

    public Mono<BotView> stop(Authenticated<UUID> command) {
        UserId owner = command.caller().userId();
        return transactions.inTransaction(() -> store.lock(command.request())
                        .filter(bot -> bot.owner().equals(owner))
                        .switchIfEmpty(Mono.error(Bots::notFound))
                        .flatMap(bot -> {
                            if (bot.state() != BotState.STARTING && bot.state() != BotState.RUNNING) {
                                return Mono.error(new KnagException(BotProblems.BOT_NOT_RUNNING,
                                        "The bot is " + bot.state() + "; only a starting or running bot can be stopped"));
                            }
                            return lifecycle.move(bot, BotState.STOPPING, "stop requested by its owner")
                                    .map(moved -> moved.with(lifecycle.event(BotStopRequested.TYPE,
                                            BotStopRequested.SOURCE, moved.bot(), new BotStopRequested(bot.id(),
                                                    owner.value(), bot.generation(), "requested by its owner"))));
                        }))
                .flatMap(moved -> lifecycle.publish(moved.events()).thenReturn(BotView.of(moved.bot())))
                .doOnNext(view -> log.info("bot {} stop requested", view.id()));
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

    private Mono<Lifecycle.Moved> launch(Bot bot, LaunchEnvelope envelope) {
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
