package io.knag.bots.runtime;

import io.knag.bots.domain.BotKind;
import io.knag.bots.domain.Resources;
import io.knag.bots.domain.RestartPolicy;
import java.util.Arrays;
import java.util.Objects;
import java.util.UUID;

/**
 * One launch of a bot, as a runtime needs it. {@code credentialsFile} is the plaintext content of the file
 * the bot reads its broker keys and its report token from ({@code {"broker", "fingerprint", "reportToken",
 * "secrets": {...}}}): a runtime writes
 * it only where the bot alone can read it, never logs it, and the manager wipes it after the call.
 */
public record BotLaunch(UUID botId, UUID owner, long generation, String image, String paramsJson, String broker,
                        Resources resources, RestartPolicy restartPolicy, byte[] credentialsFile, BotKind kind,
                        BotEndpoints endpoints) {

    public BotLaunch {
        Objects.requireNonNull(botId, "botId");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(paramsJson, "paramsJson");
        Objects.requireNonNull(broker, "broker");
        Objects.requireNonNull(resources, "resources");
        Objects.requireNonNull(restartPolicy, "restartPolicy");
        Objects.requireNonNull(credentialsFile, "credentialsFile");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(endpoints, "endpoints");
    }

    /** A launch that is told no platform endpoints. */
    public BotLaunch(UUID botId, UUID owner, long generation, String image, String paramsJson, String broker,
                     Resources resources, RestartPolicy restartPolicy, byte[] credentialsFile, BotKind kind) {
        this(botId, owner, generation, image, paramsJson, broker, resources, restartPolicy, credentialsFile, kind,
                BotEndpoints.NONE);
    }

    /** A continuous bot's launch. */
    public BotLaunch(UUID botId, UUID owner, long generation, String image, String paramsJson, String broker,
                     Resources resources, RestartPolicy restartPolicy, byte[] credentialsFile) {
        this(botId, owner, generation, image, paramsJson, broker, resources, restartPolicy, credentialsFile,
                BotKind.CONTINUOUS);
    }

    public void wipe() {
        Arrays.fill(credentialsFile, (byte) 0);
    }

    @Override
    public String toString() {
        return "BotLaunch[botId=" + botId + ", generation=" + generation + ", image=" + image + ", kind=" + kind
                + ", credentialsFile=***]";
    }
}
