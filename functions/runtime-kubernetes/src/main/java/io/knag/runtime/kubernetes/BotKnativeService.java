package io.knag.runtime.kubernetes;

import io.fabric8.knative.serving.v1.Service;
import io.fabric8.knative.serving.v1.ServiceBuilder;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.knag.bots.runtime.BotLaunch;
import java.util.HashMap;
import java.util.Map;

/**
 * The Knative Service (serving.knative.dev/v1) of a request-driven bot's launch: the pod spec of
 * {@link BotObjects}, plus the port Knative sends requests to, at most one instance ({@code max-scale 1}: a bot
 * never trades twice at once), scaled to zero between requests, one request at a time
 * ({@code containerConcurrency 1}), and reachable inside the cluster only ({@code cluster-local}).
 * Pure: builds the object, talks to no cluster.
 */
final class BotKnativeService {

    /** The container port; Knative sets {@code PORT} to it. */
    static final int PORT = 8080;
    static final String VISIBILITY = "networking.knative.dev/visibility";
    static final String CLUSTER_LOCAL = "cluster-local";
    static final String MIN_SCALE = "autoscaling.knative.dev/min-scale";
    static final String MAX_SCALE = "autoscaling.knative.dev/max-scale";
    static final long CONTAINER_CONCURRENCY = 1;

    private final BotObjects objects;

    BotKnativeService(BotObjects objects) {
        this.objects = objects;
    }

    Service service(BotLaunch launch) {
        PodSpec pod = objects.podSpec(launch);
        Map<String, String> revisionAnnotations = new HashMap<>(BotLabels.annotations(launch));
        revisionAnnotations.put(MIN_SCALE, "0");
        revisionAnnotations.put(MAX_SCALE, "1");
        return new ServiceBuilder()
                .withMetadata(new ObjectMetaBuilder(objects.metadata(launch)).addToLabels(VISIBILITY, CLUSTER_LOCAL).build())
                .withNewSpec()
                    .withNewTemplate()
                        .withNewMetadata()
                            .withLabels(BotLabels.labels(launch))
                            .withAnnotations(revisionAnnotations)
                        .endMetadata()
                        .withNewSpec()
                            .withContainerConcurrency(CONTAINER_CONCURRENCY)
                            .withAutomountServiceAccountToken(pod.getAutomountServiceAccountToken())
                            .withEnableServiceLinks(pod.getEnableServiceLinks())
                            .withSecurityContext(pod.getSecurityContext())
                            .withContainers(serving(pod.getContainers().get(0)))
                            .withVolumes(pod.getVolumes())
                        .endSpec()
                    .endTemplate()
                .endSpec()
                .build();
    }

    /**
     * The bot's container with the one port Knative allows ({@code http1}). {@code privileged} is left unset (it
     * means false): older Knative Serving releases refuse the field even when it is false.
     */
    private static Container serving(Container container) {
        return new ContainerBuilder(container)
                .editSecurityContext().withPrivileged(null).endSecurityContext()
                .addNewPort().withName("http1").withContainerPort(PORT).withProtocol("TCP").endPort()
                .build();
    }
}
