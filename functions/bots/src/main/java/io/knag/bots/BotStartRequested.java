package io.knag.bots;

import io.knag.vault.LaunchEnvelope;
import java.util.Objects;
import java.util.UUID;

/**
 * Data of {@code io.knag.bot.start.requested}: launch {@code generation} of a bot, with its credential sealed
 * to the bot manager's public key (the envelope never holds a plaintext secret).
 */
public record BotStartRequested(UUID botId, UUID owner, long generation, LaunchEnvelope envelope) {

    public static final String TYPE = "io.knag.bot.start.requested";
    public static final String SOURCE = "/knag/bots";

    public BotStartRequested {
        Objects.requireNonNull(botId, "botId");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(envelope, "envelope");
        if (generation < 1) {
            throw new IllegalArgumentException("generation must be positive");
        }
    }
}
