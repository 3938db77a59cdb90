package io.knag.bots;

import io.knag.bots.domain.BotState;
import java.util.List;
import java.util.UUID;

/** The tail of a bot's output, oldest line first. */
public record BotLogs(UUID botId, BotState state, List<String> lines) {
}
