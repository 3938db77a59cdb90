package io.knag.runtime.kubernetes;

import static io.knag.runtime.kubernetes.Blocking.blocking;

import io.fabric8.knative.client.KnativeClient;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.knag.bots.runtime.BotLaunch;
import io.knag.bots.runtime.BotRuntime;
import io.knag.bots.runtime.Observation;
import io.knag.bots.runtime.Workload;
import io.knag.bots.runtime.WorkloadPhase;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Bots as Kubernetes workloads, all in one namespace: per bot a Secret holding its credentials file, a
 * NetworkPolicy, and either a Deployment of one locked-down pod (a continuous bot, see {@link BotObjects}) or a
 * Knative Service of the same pod, scaled to zero between requests (a request-driven bot, see
 * {@link BotKnativeService}). Every call is idempotent and reads the cluster rather than memory, so a new
 * instance (a restarted manager) picks up where the last left.
 */
public final class KubernetesBotRuntime implements BotRuntime, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KubernetesBotRuntime.class);
    private static final int MAX_LOG_LINES = 10_000;

    private final KubernetesClient client;
    private final KubernetesRuntimeSettings settings;
    private final BotInventory inventory;
    private final BotProvisioning provisioning;
    private final BotRemoval removal;
    private final BotWatch watch;

    public KubernetesBotRuntime(KubernetesClient client, KubernetesRuntimeSettings settings) {
        this.client = Objects.requireNonNull(client, "client");
        this.settings = Objects.requireNonNull(settings, "settings");
        KnativeClient knative = client.adapt(KnativeClient.class);
        this.watch = new BotWatch(client, knative, settings);
        this.removal = new BotRemoval(client, knative, settings, watch);
        this.inventory = new BotInventory(client, knative, settings);
        this.provisioning = new BotProvisioning(client, knative, settings, inventory, removal);
    }

    @Override
    public Mono<WorkloadPhase> start(BotLaunch launch) {
        return provisioning.start(launch);
    }

    @Override
    public Mono<Void> stop(UUID botId) {
        return removal.remove(botId);
    }

    @Override
    public Mono<List<String>> logs(UUID botId, int tail) {
        if (tail <= 0) {
            return Mono.just(List.of());
        }
        return blocking(() -> newestPod(botId)
                .map(pod -> client.pods().inNamespace(settings.namespace()).withName(pod.getMetadata().getName())
                        .inContainer(BotLabels.CONTAINER).tailingLines(Math.min(tail, MAX_LOG_LINES)).getLog())
                .map(text -> text.lines().toList())
                .orElse(List.of()))
                .onErrorResume(e -> {
                    log.debug("bot {}: no logs ({})", botId, e.getClass().getSimpleName());
                    return Mono.just(List.of());
                });
    }

    @Override
    public Mono<Map<UUID, Workload>> inventory() {
        return blocking(inventory::all);
    }

    @Override
    public Flux<Observation> observations() {
        return watch.observations();
    }

    /** Starts watching now rather than on the first subscription; completes once the informers have synced. */
    public CompletableFuture<Void> startWatching() {
        return watch.start();
    }

    /** Stops the informers and completes {@link #observations()}; the bots keep running. */
    @Override
    public void close() {
        watch.close();
    }

    private Optional<Pod> newestPod(UUID botId) {
        return inventory.podsOf(botId).stream().max(Comparator.comparing(
                pod -> Objects.toString(pod.getMetadata().getCreationTimestamp(), "")));
    }
}
