package io.knag.bots;

import io.knag.bots.domain.BotDefinition;
import io.knag.bots.domain.BotKind;
import io.knag.bots.domain.Resources;
import io.knag.bots.domain.RestartPolicy;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** Changes a stopped bot: every field of {@link Changes} is optional, an absent one stays as it is. */
public record UpdateBot(UUID id, Changes changes) {

    public record Changes(String name, String image, UUID credentialId, Map<String, Object> params,
                          Resources resources, RestartPolicy restartPolicy, BotKind kind) {

        public BotDefinition applyTo(BotDefinition current) {
            return BotDefinition.of(name == null ? current.name() : name, image == null ? current.image() : image,
                    credentialId == null ? current.credentialId() : credentialId,
                    params == null ? current.params().values() : params,
                    resources == null ? current.resources() : resources,
                    restartPolicy == null ? current.restartPolicy() : restartPolicy, kind == null ? current.kind() : kind);
        }
    }

    public UpdateBot {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(changes, "changes");
    }
}
