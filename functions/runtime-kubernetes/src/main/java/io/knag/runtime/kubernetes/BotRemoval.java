package io.knag.runtime.kubernetes;

import static io.knag.runtime.kubernetes.Blocking.blocking;

import io.fabric8.knative.client.KnativeClient;
import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Stopping a bot: its workload (Deployment or Knative Service, whichever is there), pods and Secret go at once;
 * its NetworkPolicy only once its pods are gone (or after the grace period and a margin), so a pod shutting down
 * never runs without its egress rules. Each step finds nothing to delete on a second call, so a stop is safe to
 * repeat. Start uses it too, to clear a workload of the other kind (or a request-driven bot's older generation)
 * before the new one exists, so a bot never runs twice.
 */
final class BotRemoval {

    private static final Logger log = LoggerFactory.getLogger(BotRemoval.class);
    static final Duration POLL = Duration.ofMillis(500);
    static final Duration LONGEST_SHUTDOWN = Duration.ofSeconds(45); // the default 30 s grace period and a margin

    private final KubernetesClient client;
    private final KnativeClient knative;
    private final KubernetesRuntimeSettings settings;
    private final BotWatch watch;

    BotRemoval(KubernetesClient client, KnativeClient knative, KubernetesRuntimeSettings settings, BotWatch watch) {
        this.client = client;
        this.knative = knative;
        this.settings = settings;
        this.watch = watch;
    }

    Mono<Void> remove(UUID botId) {
        return blocking(() -> removeWorkload(botId))
                .then(podsGone(botId))
                .then(blocking(() -> removePolicy(botId)))
                .then();
    }

    private boolean removeWorkload(UUID botId) {
        String name = BotLabels.name(botId);
        watch.stopping(botId);
        boolean deployment = !client.apps().deployments().inNamespace(settings.namespace()).withName(name)
                .withPropagationPolicy(DeletionPropagation.BACKGROUND).delete().isEmpty();
        boolean service = deleteKnativeService(name);
        if (!deployment && !service) {
            watch.notStopping(botId);
        }
        client.pods().inNamespace(settings.namespace()).withLabels(BotLabels.selector(botId)).delete();
        boolean secret = !client.secrets().inNamespace(settings.namespace()).withName(name).delete().isEmpty();
        log.info("bot {}: stopping (Deployment {}, Knative Service {}, Secret {})", botId, deleted(deployment),
                deleted(service), deleted(secret));
        return true;
    }

    /** False when there was none, also when Knative Serving is not installed. */
    private boolean deleteKnativeService(String name) {
        try {
            return !knative.services().inNamespace(settings.namespace()).withName(name)
                    .withPropagationPolicy(DeletionPropagation.BACKGROUND).delete().isEmpty();
        } catch (io.fabric8.kubernetes.client.KubernetesClientException e) {
            if (BotInformers.notFound(e)) {
                return false;
            }
            throw e;
        }
    }

    private Mono<Void> podsGone(UUID botId) {
        return blocking(() -> client.pods().inNamespace(settings.namespace()).withLabels(BotLabels.selector(botId))
                        .list().getItems().isEmpty())
                .filter(gone -> gone)
                .repeatWhenEmpty(Integer.MAX_VALUE, attempts -> attempts.delayElements(POLL))
                .timeout(LONGEST_SHUTDOWN, Mono.fromRunnable(
                        () -> log.warn("bot {}: pods still there after {}; removing its NetworkPolicy anyway",
                                botId, LONGEST_SHUTDOWN)))
                .then();
    }

    private boolean removePolicy(UUID botId) {
        boolean policy = !client.network().v1().networkPolicies().inNamespace(settings.namespace())
                .withName(BotLabels.name(botId)).delete().isEmpty();
        log.info("bot {}: stopped (NetworkPolicy {})", botId, deleted(policy));
        return true;
    }

    private static String deleted(boolean deleted) {
        return deleted ? "deleted" : "was absent";
    }
}
