package io.knag.runtime.kubernetes;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.knag.bots.domain.RestartPolicy;
import io.knag.bots.runtime.BotLaunch;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The names, labels and annotations that tie every Kubernetes object to its bot, and reading them back. */
final class BotLabels {

    static final String MANAGED_BY = "app.kubernetes.io/managed-by";
    static final String KNAG = "knag";
    static final String BOT = "knag.io/bot";
    static final String OWNER = "knag.io/owner";
    static final String GENERATION = "knag.io/generation";
    static final String RESTART_MODE = "knag.io/restart-mode";
    static final String MAX_RESTARTS = "knag.io/max-restarts";
    static final String CONTAINER = "bot";

    private BotLabels() {
    }

    static String name(UUID botId) {
        return "knag-bot-" + botId;
    }

    static Map<String, String> labels(BotLaunch launch) {
        return Map.of(MANAGED_BY, KNAG, BOT, launch.botId().toString(), OWNER, launch.owner().toString());
    }

    static Map<String, String> selector(UUID botId) {
        return Map.of(MANAGED_BY, KNAG, BOT, botId.toString());
    }

    static Map<String, String> annotations(BotLaunch launch) {
        RestartPolicy policy = launch.restartPolicy();
        return Map.of(GENERATION, Long.toString(launch.generation()), RESTART_MODE, policy.mode(),
                MAX_RESTARTS, Integer.toString(policy.maxRestarts()));
    }

    static Optional<UUID> botId(HasMetadata object) {
        return uuid(label(object, BOT));
    }

    static Optional<UUID> owner(HasMetadata object) {
        return uuid(label(object, OWNER));
    }

    /** The launch generation that made the object; 0 when it carries none. */
    static long generation(HasMetadata object) {
        try {
            return Long.parseLong(annotation(object, GENERATION));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The restart policy written on the object, or the default when it carries none or a broken one. */
    static RestartPolicy restartPolicy(HasMetadata object) {
        try {
            return new RestartPolicy(annotation(object, RESTART_MODE), Integer.valueOf(annotation(object, MAX_RESTARTS)));
        } catch (RuntimeException e) {
            return RestartPolicy.DEFAULT;
        }
    }

    private static String label(HasMetadata object, String key) {
        Map<String, String> labels = object.getMetadata() == null ? null : object.getMetadata().getLabels();
        return labels == null ? null : labels.get(key);
    }

    private static String annotation(HasMetadata object, String key) {
        Map<String, String> annotations = object.getMetadata() == null ? null : object.getMetadata().getAnnotations();
        return annotations == null ? null : annotations.get(key);
    }

    private static Optional<UUID> uuid(String text) {
        try {
            return text == null ? Optional.empty() : Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
