package io.knag.bots;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A bot as its owner sees it. */
public record BotView(UUID id, String name, String image, UUID credentialId, Map<String, Object> params,
                      Resources resources, RestartPolicy restartPolicy, BotKind kind, BotState state, boolean deleting,
                      Instant createdAt, Instant updatedAt) {

    public static BotView of(Bot bot) {
        BotDefinition d = bot.definition();
        return new BotView(bot.id(), d.name(), d.image(), d.credentialId(), d.params().values(), d.resources(),
                d.restartPolicy(), d.kind(), bot.state(), bot.deleting(), bot.createdAt(), bot.updatedAt());
    }
}
