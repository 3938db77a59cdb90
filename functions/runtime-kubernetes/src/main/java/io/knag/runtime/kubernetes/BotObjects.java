package io.knag.runtime.kubernetes;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.knag.bots.runtime.BotLaunch;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The Kubernetes objects of one bot launch: its Secret (the credentials file), its Deployment (one locked-down
 * pod) and, through {@link BotNetworkPolicy}, its NetworkPolicy. A request-driven bot's Knative Service
 * ({@link BotKnativeService}) runs the same pod spec. Pure: builds objects, talks to no cluster.
 */
final class BotObjects {

    static final String CREDENTIALS_DIR = "/var/run/knag";
    static final String CREDENTIALS_KEY = "credentials.json";
    static final String CREDENTIALS_FILE = CREDENTIALS_DIR + "/" + CREDENTIALS_KEY;
    private static final int READ_BY_OWNER_ONLY = 0400;

    private final KubernetesRuntimeSettings settings;
    private final BotNetworkPolicy networkPolicy;

    BotObjects(KubernetesRuntimeSettings settings) {
        this.settings = settings;
        this.networkPolicy = new BotNetworkPolicy(settings);
    }

    Deployment deployment(BotLaunch launch) {
        return new DeploymentBuilder()
                .withMetadata(metadata(launch))
                .withNewSpec()
                    .withReplicas(1)
                    .withNewSelector().withMatchLabels(BotLabels.selector(launch.botId())).endSelector()
                    // Recreate: the old pod is gone before a new one starts, so one bot never trades twice.
                    .withNewStrategy().withType("Recreate").endStrategy()
                    .withNewTemplate()
                        .withNewMetadata()
                            .withLabels(BotLabels.labels(launch))
                            .withAnnotations(BotLabels.annotations(launch))
                        .endMetadata()
                        .withSpec(podSpec(launch))
                    .endTemplate()
                .endSpec()
                .build();
    }

    /** The Secret of the launch, owned by its workload (a Deployment or a Knative Service). */
    Secret secret(BotLaunch launch, HasMetadata owner) {
        return new SecretBuilder()
                .withMetadata(owned(metadata(launch), owner))
                .withType("Opaque")
                .withData(Map.of(CREDENTIALS_KEY, Base64.getEncoder().encodeToString(launch.credentialsFile())))
                .build();
    }

    io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy networkPolicy(BotLaunch launch, HasMetadata owner) {
        return networkPolicy.build(owned(metadata(launch), owner), launch);
    }

    /** Name, namespace, labels and annotations every object of the launch carries. */
    ObjectMeta metadata(BotLaunch launch) {
        return new ObjectMetaBuilder()
                .withName(BotLabels.name(launch.botId()))
                .withNamespace(settings.namespace())
                .withLabels(BotLabels.labels(launch))
                .withAnnotations(BotLabels.annotations(launch))
                .build();
    }

    private static ObjectMeta owned(ObjectMeta metadata, HasMetadata owner) {
        OwnerReference reference = new OwnerReferenceBuilder()
                .withApiVersion(owner.getApiVersion()).withKind(owner.getKind())
                .withName(owner.getMetadata().getName()).withUid(owner.getMetadata().getUid())
                .build();
        return new ObjectMetaBuilder(metadata).withOwnerReferences(reference).build();
    }

    /** One locked-down container, its credentials mounted read-only, a small writable /tmp, no token. */
    PodSpec podSpec(BotLaunch launch) {
        return new PodSpecBuilder()
                .withAutomountServiceAccountToken(false)
                .withEnableServiceLinks(false)
                .withNewSecurityContext()
                    .withRunAsNonRoot(true)
                    .withRunAsUser(settings.runAsUser())
                    .withRunAsGroup(settings.runAsUser())
                    .withFsGroup(settings.runAsUser())
                    .withNewSeccompProfile().withType("RuntimeDefault").endSeccompProfile()
                .endSecurityContext()
                .withContainers(container(launch))
                .addNewVolume()
                    .withName("credentials")
                    .withNewSecret()
                        .withSecretName(BotLabels.name(launch.botId()))
                        .withDefaultMode(READ_BY_OWNER_ONLY)
                    .endSecret()
                .endVolume()
                .addNewVolume()
                    .withName("tmp")
                    .withNewEmptyDir().withSizeLimit(new Quantity("64Mi")).endEmptyDir()
                .endVolume()
                .build();
    }

    private static List<EnvVar> environment(BotLaunch launch) {
        List<EnvVar> env = new java.util.ArrayList<>(List.of(
                new EnvVar("KNAG_BOT_ID", launch.botId().toString(), null),
                new EnvVar("KNAG_BROKER", launch.broker(), null),
                new EnvVar("KNAG_PARAMS", launch.paramsJson(), null),
                new EnvVar("KNAG_CREDENTIALS_FILE", CREDENTIALS_FILE, null)));
        launch.endpoints().environment().forEach((name, value) -> env.add(new EnvVar(name, value, null)));
        return env;
    }

    private static Container container(BotLaunch launch) {
        Map<String, Quantity> resources = Map.of(
                "cpu", new Quantity(launch.resources().cpuMillis() + "m"),
                "memory", new Quantity(launch.resources().memoryMib() + "Mi"));
        return new ContainerBuilder()
                .withName(BotLabels.CONTAINER)
                .withImage(launch.image())
                .withEnv(environment(launch))
                .withNewResources().withRequests(resources).withLimits(resources).endResources()
                .withNewSecurityContext()
                    .withReadOnlyRootFilesystem(true)
                    .withAllowPrivilegeEscalation(false)
                    .withPrivileged(false)
                    .withNewCapabilities().withDrop("ALL").endCapabilities()
                .endSecurityContext()
                .addNewVolumeMount().withName("credentials").withMountPath(CREDENTIALS_DIR).withReadOnly(true).endVolumeMount()
                .addNewVolumeMount().withName("tmp").withMountPath("/tmp").endVolumeMount()
                .build();
    }
}
