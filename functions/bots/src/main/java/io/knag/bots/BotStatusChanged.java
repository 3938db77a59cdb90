package io.knag.bots;

import io.knag.bots.domain.BotState;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Data of {@code io.knag.bot.status.changed}, and one row of a bot's history. {@code from} is null when the
 * bot was created. {@code detail} says why, for people.
 */
public record BotStatusChanged(UUID botId, UUID owner, BotState from, BotState to, Instant at, String detail) {

    public static final String TYPE = "io.knag.bot.status.changed";
    /** Changes the manager makes; those the bots function makes (created, start or stop requested) come from {@code /knag/bots}. */
    public static final String SOURCE = "/knag/bot-manager";

    public BotStatusChanged {
        Objects.requireNonNull(botId, "botId");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(at, "at");
        detail = detail == null ? "" : detail;
    }
}
