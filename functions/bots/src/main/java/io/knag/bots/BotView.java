package io.knag.bots;

import io.knag.bots.domain.Bot;
import io.knag.bots.domain.BotDefinition;
import io.knag.bots.domain.BotKind;
import io.knag.bots.domain.BotState;
import io.knag.bots.domain.Resources;
import io.knag.bots.domain.RestartPolicy;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A bot as its owner sees it. {@code health}, for a running bot only: {@code ok}, or {@code silent} when it has
 * missed its heartbeats (docs/bot-contract.md).
 */
public record BotView(UUID id, String name, String image, UUID credentialId, Map<String, Object> params,
                      Resources resources, RestartPolicy restartPolicy, BotKind kind, BotState state, boolean deleting,
                      Instant createdAt, Instant updatedAt, Instant lastHeartbeatAt, String health) {

    public static BotView of(Bot bot) {
        BotDefinition d = bot.definition();
        String health = bot.state() != BotState.RUNNING ? null : bot.silent() ? "silent" : "ok";
        return new BotView(bot.id(), d.name(), d.image(), d.credentialId(), d.params().values(), d.resources(),
                d.restartPolicy(), d.kind(), bot.state(), bot.deleting(), bot.createdAt(), bot.updatedAt(),
                bot.lastHeartbeatAt(), health);
    }
}
