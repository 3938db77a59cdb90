package io.knag.bots.application;

import io.knag.bots.BotStartRequested;
import io.knag.bots.BotStopRequested;
import io.knag.bots.domain.Bot;
import io.knag.bots.domain.BotDefinition;
import io.knag.bots.domain.BotState;
import io.knag.bots.runtime.BotLaunch;
import io.knag.bots.runtime.BotRuntime;
import io.knag.bots.runtime.WorkloadPhase;
import io.knag.kernel.crypto.HpkeBox;
import io.knag.kernel.events.Event;
import io.knag.vault.LaunchEnvelope;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * The bot manager: consumes start and stop requests and provisions through the {@link BotRuntime}. Events
 * arrive at least once and in any order, so each is handled once (its id is remembered in the same
 * transaction as its effect) and only when it still applies: a start only for a STARTING bot of the same
 * launch generation, a stop only for that generation. A late, repeated or reordered event changes nothing.
 */
public final class BotManager {

    private static final Logger log = LoggerFactory.getLogger(BotManager.class);
    private static final HpkeBox hpke = HpkeBox.standard();

    private final BotStore store;
    private final BotRuntime runtime;
    private final ManagerKey key;
    private final Lifecycle lifecycle;
    private final LaunchReporting reporting;

    public BotManager(BotStore store, BotRuntime runtime, ManagerKey key, LaunchReporting reporting, Lifecycle lifecycle) {
        this.store = store;
        this.runtime = runtime;
        this.key = key;
        this.reporting = reporting;
        this.lifecycle = lifecycle.as(Lifecycle.BOT_MANAGER);
    }

    /** Handles a start or stop request; anything else, or malformed data, is logged and rejected. */
    public Mono<Void> handle(Event event) {
        Mono<Lifecycle.Moved> work;
        if (BotStartRequested.TYPE.equals(event.type()) && event.data() instanceof BotStartRequested start) {
            work = once(event, () -> store.lock(start.botId()).flatMap(bot -> start(event, bot, start)));
        } else if (BotStopRequested.TYPE.equals(event.type()) && event.data() instanceof BotStopRequested stop) {
            work = once(event, () -> store.lock(stop.botId()).flatMap(bot -> stop(event, bot, stop)));
        } else {
            log.warn("event {} rejected: type {} with {} is not a bot start or stop request", event.id(), event.type(),
                    event.data().getClass().getSimpleName());
            return Mono.empty();
        }
        return work.then();
    }

    private Mono<Lifecycle.Moved> once(Event event, java.util.function.Supplier<Mono<Lifecycle.Moved>> work) {
        return lifecycle.commitThenPublish(() -> store.markHandled(event.id(), lifecycle.now())
                .flatMap(first -> {
                    if (!first) {
                        log.info("event {} already handled: ignored", event.id());
                        return Mono.empty();
                    }
                    return work.get().switchIfEmpty(Mono.fromRunnable(() ->
                            log.info("event {} ({}) changed nothing", event.id(), event.type())));
                }));
    }

    private Mono<Lifecycle.Moved> start(Event event, Bot bot, BotStartRequested request) {
        if (!bot.owner().value().equals(request.owner()) || !bot.id().equals(request.envelope().botId())) {
            log.warn("event {} rejected: owner or envelope does not match bot {}", event.id(), bot.id());
            return Mono.empty();
        }
        if (bot.state() != BotState.STARTING || bot.generation() != request.generation() || bot.deleting()) {
            log.info("event {}: bot {} is {} at launch {}, not starting launch {}: stale start ignored", event.id(),
                    bot.id(), bot.state(), bot.generation(), request.generation());
            return Mono.empty();
        }
        BotLaunch launch;
        try {
            launch = open(bot, request.envelope());
        } catch (RuntimeException e) { // a SealedBlobException, or an encoding that does not parse
            log.warn("event {}: the credentials for bot {} do not open with this manager's key", event.id(), bot.id());
            return lifecycle.move(bot, BotState.FAILED, "its credentials could not be opened by the bot manager; start it again");
        }
        return store.launchedWith(bot.id(), bot.generation(), launch.broker()).then(Mono.defer(() -> runtime.start(launch)))
                // Not on cancel: the runtime may still be writing the file from these bytes.
                .doFinally(signal -> {
                    if (signal != reactor.core.publisher.SignalType.CANCEL) {
                        launch.wipe();
                    }
                })
                .flatMap(phase -> switch (phase) {
                    case RUNNING -> lifecycle.move(bot, BotState.RUNNING, "running");
                    case FAILED -> runtime.stop(bot.id()).then(lifecycle.move(bot, BotState.FAILED, "it could not start"));
                    case PENDING -> Mono.<Lifecycle.Moved>empty();
                    case EXITED -> runtime.stop(bot.id()).then(lifecycle.move(bot, BotState.FAILED, "it ended at once"));
                })
                .onErrorResume(e -> {
                    log.error("bot {}: the runtime could not provision launch {}: {}", bot.id(), bot.generation(),
                            e.getClass().getSimpleName());
                    return runtime.stop(bot.id()).onErrorResume(ignored -> Mono.empty())
                            .then(lifecycle.move(bot, BotState.FAILED, "the runtime could not provision it"));
                });
    }

    private Mono<Lifecycle.Moved> stop(Event event, Bot bot, BotStopRequested request) {
        if (!bot.owner().value().equals(request.owner())) {
            log.warn("event {} rejected: owner does not match bot {}", event.id(), bot.id());
            return Mono.empty();
        }
        if (bot.state() != BotState.STOPPING || bot.generation() != request.generation()) {
            log.info("event {}: bot {} is {} at launch {}: stale stop of launch {} ignored", event.id(), bot.id(),
                    bot.state(), bot.generation(), request.generation());
            return Mono.empty();
        }
        return runtime.stop(bot.id())
                .then(lifecycle.move(bot, BotState.STOPPED, "stopped (" + request.reason() + ")"))
                .flatMap(lifecycle::deleteIfAsked);
    }

    private BotLaunch open(Bot bot, LaunchEnvelope envelope) {
        if (envelope.version() != LaunchEnvelope.VERSION || !envelope.credentialId().equals(bot.definition().credentialId())) {
            throw new IllegalArgumentException("envelope version or credential does not match");
        }
        Base64.Decoder b64 = Base64.getDecoder();
        byte[] aad = LaunchEnvelope.associatedData(bot.owner().value(), bot.id(), envelope.credentialId())
                .getBytes(StandardCharsets.US_ASCII);
        byte[] secrets = hpke.open(key.privateKey(), b64.decode(envelope.encapsulatedKey()), b64.decode(envelope.ciphertext()),
                LaunchEnvelope.INFO.getBytes(StandardCharsets.US_ASCII), aad);
        try {
            BotDefinition d = bot.definition();
            return new BotLaunch(bot.id(), bot.owner().value(), bot.generation(), d.image(), d.params().json(),
                    envelope.broker(), d.resources(), d.restartPolicy(), CredentialsFile.render(envelope.broker(),
                    envelope.fingerprint(), reporting.token(bot, lifecycle.now()), secrets), d.kind(),
                    reporting.endpoints(bot, envelope.broker()));
        } finally {
            Arrays.fill(secrets, (byte) 0);
        }
    }
}
