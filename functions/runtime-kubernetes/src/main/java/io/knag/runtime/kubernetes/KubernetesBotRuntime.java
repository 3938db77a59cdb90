package io.knag.runtime.kubernetes;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentList;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.RollableScalableResource;
import io.knag.bots.runtime.BotLaunch;
import io.knag.bots.runtime.BotRuntime;
import io.knag.bots.runtime.Observation;
import io.knag.bots.runtime.Workload;
import io.knag.bots.runtime.WorkloadPhase;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Bots as Kubernetes workloads, all in one namespace: per bot a Deployment of one locked-down pod, a Secret
 * holding its credentials file and a NetworkPolicy (see {@link BotObjects}). Every call is idempotent and
 * reads the cluster rather than memory, so a new instance (a restarted manager) picks up where the last left.
 */
public final class KubernetesBotRuntime implements BotRuntime, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KubernetesBotRuntime.class);
    private static final int MAX_LOG_LINES = 10_000;

    private final KubernetesClient client;
    private final KubernetesRuntimeSettings settings;
    private final BotObjects objects;
    private final BotRemoval removal;
    private final BotWatch watch;

    public KubernetesBotRuntime(KubernetesClient client, KubernetesRuntimeSettings settings) {
        this.client = Objects.requireNonNull(client, "client");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.objects = new BotObjects(settings);
        this.watch = new BotWatch(client, settings);
        this.removal = new BotRemoval(client, settings, watch);
    }

    @Override
    public Mono<WorkloadPhase> start(BotLaunch launch) {
        return blocking(() -> provision(launch));
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
        return blocking(this::workloads);
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

    private WorkloadPhase provision(BotLaunch launch) {
        UUID botId = launch.botId();
        Deployment existing = deployments().withName(BotLabels.name(botId)).get();
        if (existing != null && BotLabels.generation(existing) >= launch.generation()) {
            if (BotLabels.generation(existing) == launch.generation()) {
                completeMissing(launch, existing);
            }
            log.info("bot {}: generation {} already there, left as it is", botId, BotLabels.generation(existing));
            return phase(existing, podsOf(botId));
        }
        if (existing == null) {
            // Deployment first (its uid owns the rest), the Secret last: the pod cannot start before its
            // credentials volume exists, so it never runs without its NetworkPolicy.
            Deployment created = deployments().resource(objects.deployment(launch)).createOr(NonDeletingOperation::update);
            write(objects.networkPolicy(launch, created), objects.secret(launch, created));
            log.info("bot {}: generation {} created", botId, launch.generation());
        } else {
            // Policy and Secret first, the Deployment last: the rolled pod sees only the new launch's objects.
            write(objects.networkPolicy(launch, existing), objects.secret(launch, existing));
            deployments().resource(objects.deployment(launch)).update();
            log.info("bot {}: generation {} replaced generation {}", botId, launch.generation(), BotLabels.generation(existing));
        }
        return WorkloadPhase.PENDING;
    }

    private void write(NetworkPolicy policy, Secret secret) {
        client.network().v1().networkPolicies().inNamespace(settings.namespace()).resource(policy)
                .createOr(NonDeletingOperation::update);
        client.secrets().inNamespace(settings.namespace()).resource(secret).createOr(NonDeletingOperation::update);
    }

    /** A manager that stopped half-way through a start left the Deployment without its Secret or policy. */
    private void completeMissing(BotLaunch launch, Deployment deployment) {
        String name = BotLabels.name(launch.botId());
        var policies = client.network().v1().networkPolicies().inNamespace(settings.namespace());
        if (policies.withName(name).get() == null) {
            policies.resource(objects.networkPolicy(launch, deployment)).createOr(NonDeletingOperation::update);
            log.info("bot {}: NetworkPolicy restored", launch.botId());
        }
        var secrets = client.secrets().inNamespace(settings.namespace());
        if (secrets.withName(name).get() == null) {
            secrets.resource(objects.secret(launch, deployment)).createOr(NonDeletingOperation::update);
            log.info("bot {}: Secret restored", launch.botId());
        }
    }

    private Map<UUID, Workload> workloads() {
        Map<UUID, List<Pod>> pods = client.pods().inNamespace(settings.namespace())
                .withLabel(BotLabels.MANAGED_BY, BotLabels.KNAG).list().getItems().stream()
                .filter(pod -> BotLabels.botId(pod).isPresent())
                .collect(Collectors.groupingBy(pod -> BotLabels.botId(pod).orElseThrow()));
        Map<UUID, Workload> workloads = new HashMap<>();
        for (Deployment deployment : deployments().withLabel(BotLabels.MANAGED_BY, BotLabels.KNAG).list().getItems()) {
            BotLabels.botId(deployment).ifPresent(id -> workloads.put(id, new Workload(id,
                    BotLabels.owner(deployment).orElse(null), BotLabels.generation(deployment),
                    phase(deployment, pods.getOrDefault(id, List.of())))));
        }
        return Map.copyOf(workloads);
    }

    private static WorkloadPhase phase(Deployment deployment, List<Pod> pods) {
        long generation = BotLabels.generation(deployment);
        boolean failed = Verdicts.stalled(deployment).isPresent() || pods.stream()
                .filter(pod -> BotLabels.generation(pod) == generation && pod.getMetadata().getDeletionTimestamp() == null)
                .anyMatch(pod -> Verdicts.terminal(pod).filter(v -> v.kind() == Observation.Kind.FAILED).isPresent());
        if (failed) {
            return WorkloadPhase.FAILED;
        }
        return Verdicts.available(deployment) ? WorkloadPhase.RUNNING : WorkloadPhase.PENDING;
    }

    private List<Pod> podsOf(UUID botId) {
        return client.pods().inNamespace(settings.namespace()).withLabels(BotLabels.selector(botId)).list().getItems();
    }

    private Optional<Pod> newestPod(UUID botId) {
        return podsOf(botId).stream().max(Comparator.comparing(
                pod -> Objects.toString(pod.getMetadata().getCreationTimestamp(), "")));
    }

    private NonNamespaceOperation<Deployment, DeploymentList, RollableScalableResource<Deployment>> deployments() {
        return client.apps().deployments().inNamespace(settings.namespace());
    }

    private static <T> Mono<T> blocking(Callable<T> call) {
        return Mono.fromCallable(call).subscribeOn(Schedulers.boundedElastic());
    }
}
