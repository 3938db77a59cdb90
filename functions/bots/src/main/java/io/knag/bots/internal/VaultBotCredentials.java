package io.knag.bots.internal;

import io.knag.bots.application.BotCredentials;
import io.knag.kernel.KnagException;
import io.knag.kernel.ProblemType;
import io.knag.kernel.UserId;
import io.knag.kernel.auth.Authenticated;
import io.knag.kernel.auth.Caller;
import io.knag.vault.CredentialView;
import io.knag.vault.LaunchEnvelope;
import io.knag.vault.OpenForLaunch;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/** The vault in this process: its functions {@code getCredential} and {@code openForLaunch}, called directly. */
final class VaultBotCredentials implements BotCredentials {

    private final Function<Authenticated<UUID>, Mono<CredentialView>> getCredential;
    private final Function<OpenForLaunch, Mono<LaunchEnvelope>> openForLaunch;

    VaultBotCredentials(Function<Authenticated<UUID>, Mono<CredentialView>> getCredential,
                        Function<OpenForLaunch, Mono<LaunchEnvelope>> openForLaunch) {
        this.getCredential = getCredential;
        this.openForLaunch = openForLaunch;
    }

    @Override
    public Mono<Boolean> exists(UserId owner, UUID credentialId) {
        var caller = new Caller(owner, "bots", Instant.MAX);
        return getCredential.apply(new Authenticated<>(caller, credentialId)).thenReturn(true)
                .onErrorResume(KnagException.class, e -> e.type().equals(ProblemType.NOT_FOUND) ? Mono.just(false)
                        : Mono.error(e));
    }

    @Override
    public Mono<LaunchEnvelope> openForLaunch(UserId owner, String password, UUID credentialId, UUID botId,
                                              byte[] recipient) {
        return Mono.defer(() -> openForLaunch.apply(new OpenForLaunch(owner, password, credentialId, botId, recipient)));
    }
}
