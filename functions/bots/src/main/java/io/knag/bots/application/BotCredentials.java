package io.knag.bots.application;

import io.knag.kernel.UserId;
import io.knag.vault.LaunchEnvelope;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * The vault, as the bots function needs it: always an in-process call. Where the capabilities are deployed apart,
 * the bots group carries the vault's code and opens credentials on the shared database (docs/architecture.md,
 * "A capability is a hexagon").
 */
public interface BotCredentials {

    /** Whether {@code owner} has the credential. */
    Mono<Boolean> exists(UserId owner, UUID credentialId);

    /**
     * Opens the credential with the owner's password and seals it to the bot manager's {@code recipient}
     * public key for bot {@code botId}; a wrong password fails as the vault fails it.
     */
    Mono<LaunchEnvelope> openForLaunch(UserId owner, String password, UUID credentialId, UUID botId, byte[] recipient);
}
