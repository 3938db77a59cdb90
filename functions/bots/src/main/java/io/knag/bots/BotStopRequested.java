package io.knag.bots;

import java.util.Objects;
import java.util.UUID;

/** Data of {@code io.knag.bot.stop.requested}: stop launch {@code generation} of a bot, and why. */
public record BotStopRequested(UUID botId, UUID owner, long generation, String reason) {

    public static final String TYPE = "io.knag.bot.stop.requested";
    public static final String SOURCE = "/knag/bots";

    public BotStopRequested {
        Objects.requireNonNull(botId, "botId");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(reason, "reason");
    }
}
