package io.knag.bots.domain;

import io.knag.kernel.Validation;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** What a bot is: a name, a container image, the credential it trades with, its parameters, limits and kind. */
public record BotDefinition(String name, String image, UUID credentialId, BotParams params, Resources resources,
                            RestartPolicy restartPolicy, BotKind kind) {

    static final int MAX_NAME = 80;

    public BotDefinition {
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(resources, "resources");
        Objects.requireNonNull(restartPolicy, "restartPolicy");
        Objects.requireNonNull(kind, "kind");
    }

    /** The fields a person supplies, checked together so one answer names every problem. */
    public static BotDefinition of(String name, String image, UUID credentialId, Map<String, Object> params,
                            Resources resources, RestartPolicy restartPolicy, BotKind kind) {
        String trimmedName = name == null ? null : name.strip();
        String trimmedImage = image == null ? null : image.strip();
        Validation validation = new Validation();
        validation.name(trimmedName, "name", MAX_NAME);
        validation.text(trimmedImage, "image", ImageAllowlist.MAX_LENGTH);
        if (trimmedImage != null) {
            validation.require(ImageAllowlist.isWellFormed(trimmedImage), "image",
                    "image must be a container image reference such as knag/heartbeat-bot:1");
        }
        validation.require(credentialId != null, "credentialId", "credentialId is required");
        validation.throwIfFailed();
        return new BotDefinition(trimmedName, trimmedImage, credentialId, BotParams.of(params),
                resources == null ? Resources.DEFAULT : resources,
                restartPolicy == null ? RestartPolicy.DEFAULT : restartPolicy, kind == null ? BotKind.CONTINUOUS : kind);
    }
}
