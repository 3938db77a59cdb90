package io.knag.runtime.kubernetes;

import io.fabric8.knative.client.KnativeClient;
import io.fabric8.knative.serving.v1.Service;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.knag.bots.runtime.Observation;
import io.knag.bots.runtime.Workload;
import io.knag.bots.runtime.WorkloadPhase;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads what the cluster holds of the bots, never memory: a bot's workloads (a Deployment for a continuous bot, a
 * Knative Service for a request-driven one), their phases, and every bot's workload for {@code inventory()}.
 * A cluster without Knative Serving simply has no Knative Services.
 */
final class BotInventory {

    /** One bot's workloads now; either may be null. Both are there only half-way through a change of kind. */
    record Current(Deployment deployment, Service service) {

        Optional<HasMetadata> newest() {
            return Stream.<HasMetadata>of(deployment, service).filter(w -> w != null)
                    .max(Comparator.comparingLong(BotLabels::generation));
        }
    }

    private final KubernetesClient client;
    private final KnativeClient knative;
    private final KubernetesRuntimeSettings settings;

    BotInventory(KubernetesClient client, KnativeClient knative, KubernetesRuntimeSettings settings) {
        this.client = client;
        this.knative = knative;
        this.settings = settings;
    }

    Current of(UUID botId) {
        String name = BotLabels.name(botId);
        return new Current(client.apps().deployments().inNamespace(settings.namespace()).withName(name).get(),
                knative.services().inNamespace(settings.namespace()).withName(name).get());
    }

    WorkloadPhase phase(HasMetadata workload) {
        return workload instanceof Service service ? KnativeVerdicts.phase(service)
                : phase((Deployment) workload, podsOf(BotLabels.botId(workload).orElseThrow()));
    }

    /** Every bot's workload, by bot id; the newest generation when a bot has two. */
    Map<UUID, Workload> all() {
        Map<UUID, List<Pod>> pods = client.pods().inNamespace(settings.namespace())
                .withLabel(BotLabels.MANAGED_BY, BotLabels.KNAG).list().getItems().stream()
                .filter(pod -> BotLabels.botId(pod).isPresent())
                .collect(Collectors.groupingBy(pod -> BotLabels.botId(pod).orElseThrow()));
        Map<UUID, Workload> workloads = new HashMap<>();
        for (Deployment deployment : client.apps().deployments().inNamespace(settings.namespace())
                .withLabel(BotLabels.MANAGED_BY, BotLabels.KNAG).list().getItems()) {
            BotLabels.botId(deployment).ifPresent(id ->
                    add(workloads, deployment, phase(deployment, pods.getOrDefault(id, List.of()))));
        }
        for (Service service : knativeServices()) {
            add(workloads, service, KnativeVerdicts.phase(service));
        }
        return Map.copyOf(workloads);
    }

    List<Pod> podsOf(UUID botId) {
        return client.pods().inNamespace(settings.namespace()).withLabels(BotLabels.selector(botId)).list().getItems();
    }

    private List<Service> knativeServices() {
        try {
            return knative.services().inNamespace(settings.namespace())
                    .withLabel(BotLabels.MANAGED_BY, BotLabels.KNAG).list().getItems();
        } catch (KubernetesClientException e) {
            if (BotInformers.notFound(e)) {
                return List.of(); // Knative Serving is not installed
            }
            throw e;
        }
    }

    private static void add(Map<UUID, Workload> workloads, HasMetadata workload, WorkloadPhase phase) {
        BotLabels.botId(workload).ifPresent(id -> workloads.merge(id,
                new Workload(id, BotLabels.owner(workload).orElse(null), BotLabels.generation(workload), phase),
                (one, other) -> other.generation() > one.generation() ? other : one));
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
}
