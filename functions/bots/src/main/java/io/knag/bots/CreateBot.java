package io.knag.bots;

import io.knag.bots.domain.BotDefinition;
import io.knag.bots.domain.BotKind;
import io.knag.bots.domain.Resources;
import io.knag.bots.domain.RestartPolicy;
import java.util.Map;
import java.util.UUID;

/** Defines a bot: {@code {name, image, credentialId, params, resources, restartPolicy, kind}}; checked as it is made. */
public record CreateBot(String name, String image, UUID credentialId, Map<String, Object> params, Resources resources,
                        RestartPolicy restartPolicy, BotKind kind) {

    public CreateBot {
        definitionOf(name, image, credentialId, params, resources, restartPolicy, kind);
    }

    public BotDefinition definition() {
        return definitionOf(name, image, credentialId, params, resources, restartPolicy, kind);
    }

    private static BotDefinition definitionOf(String name, String image, UUID credentialId, Map<String, Object> params,
                                              Resources resources, RestartPolicy restartPolicy, BotKind kind) {
        return BotDefinition.of(name, image, credentialId, params, resources, restartPolicy, kind);
    }
}
