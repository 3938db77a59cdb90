package io.knag.runtime.kubernetes;

import io.fabric8.knative.client.KnativeClient;
import io.fabric8.knative.pkg.apis.ConditionBuilder;
import io.fabric8.knative.serving.v1.Service;
import io.fabric8.knative.serving.v1.ServiceStatusBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.knag.bots.domain.BotKind;
import io.knag.bots.domain.Resources;
import io.knag.bots.domain.RestartPolicy;
import io.knag.bots.runtime.BotLaunch;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/** Launches, pods as the kubelet would report them, and a bounded wait, for the tests on the mock API server. */
final class BotFixtures {

    static final String NAMESPACE = KubernetesRuntimeSettings.DEFAULT_NAMESPACE;
    static final UUID OWNER = UUID.fromString("8a1f6a53-5d5e-4c5b-9a55-0d7b9b0a1c11");
    static final String CREDENTIALS = "{\"broker\":\"paper\",\"fingerprint\":\"ab12\",\"secrets\":{\"apiKey\":\"s3cr3t-key\"}}";
    static final String PARAMS = "{\"symbol\":\"BTC-USD\",\"size\":1}";

    private BotFixtures() {
    }

    static BotLaunch launch(UUID botId, long generation) {
        return launch(botId, generation, new RestartPolicy("on-failure", 3));
    }

    static BotLaunch launch(UUID botId, long generation, RestartPolicy policy) {
        return new BotLaunch(botId, OWNER, generation, "ghcr.io/knag/reference-bot:1.0", PARAMS, "paper",
                new Resources("250m", "256Mi"), policy, CREDENTIALS.getBytes(StandardCharsets.UTF_8));
    }

    /** A request-driven bot's launch: a Knative Service. */
    static BotLaunch requestDriven(UUID botId, long generation) {
        return new BotLaunch(botId, OWNER, generation, "ghcr.io/knag/webhook-bot:1.0", PARAMS, "paper",
                new Resources("250m", "256Mi"), new RestartPolicy("on-failure", 3),
                CREDENTIALS.getBytes(StandardCharsets.UTF_8), BotKind.REQUEST_DRIVEN);
    }

    static Deployment deployment(KubernetesClient client, UUID botId) {
        return client.apps().deployments().inNamespace(NAMESPACE).withName("knag-bot-" + botId).get();
    }

    static Secret secret(KubernetesClient client, UUID botId) {
        return client.secrets().inNamespace(NAMESPACE).withName("knag-bot-" + botId).get();
    }

    static NetworkPolicy networkPolicy(KubernetesClient client, UUID botId) {
        return client.network().v1().networkPolicies().inNamespace(NAMESPACE).withName("knag-bot-" + botId).get();
    }

    static Service knativeService(KubernetesClient client, UUID botId) {
        return client.adapt(KnativeClient.class).services().inNamespace(NAMESPACE).withName("knag-bot-" + botId).get();
    }

    /** Writes the Knative Service's Ready condition as Knative Serving's controller would. */
    static void setReady(KubernetesClient client, UUID botId, String status, String reason, String message) {
        client.adapt(KnativeClient.class).services().inNamespace(NAMESPACE).withName("knag-bot-" + botId).editStatus(s -> {
            s.setStatus(new ServiceStatusBuilder()
                    .withConditions(new ConditionBuilder().withType("Ready").withStatus(status).withReason(reason)
                            .withMessage(message).build())
                    .build());
            return s;
        });
    }

    /** A pod of the bot's Deployment, as the kubelet reports it: restarts so far and the last exit, if any. */
    static Pod pod(BotLaunch launch, String name, int restarts, Integer lastExitCode, String waitingReason) {
        ContainerStatusBuilder status = new ContainerStatusBuilder()
                .withName(BotLabels.CONTAINER).withRestartCount(restarts).withReady(waitingReason == null);
        if (waitingReason == null) {
            status.withNewState().withNewRunning().endRunning().endState();
        } else {
            status.withNewState().withNewWaiting().withReason(waitingReason).endWaiting().endState();
        }
        if (lastExitCode != null) {
            status.withNewLastState().withNewTerminated().withExitCode(lastExitCode)
                    .withReason(lastExitCode == 0 ? "Completed" : "Error").endTerminated().endLastState();
        }
        ContainerStatus built = status.build();
        Map<String, String> labels = new HashMap<>(BotLabels.labels(launch));
        labels.put("pod-template-hash", "5d8f7c9b4");
        return new PodBuilder()
                .withNewMetadata().withName(name).withNamespace(NAMESPACE)
                    .withLabels(labels).withAnnotations(BotLabels.annotations(launch)).endMetadata()
                .withNewSpec().addNewContainer().withName(BotLabels.CONTAINER).withImage(launch.image()).endContainer().endSpec()
                .withNewStatus().withPhase("Running").withContainerStatuses(built).endStatus()
                .build();
    }

    static Pod putPod(KubernetesClient client, Pod pod) {
        return client.pods().inNamespace(NAMESPACE).resource(pod).createOr(existing -> existing.update());
    }

    /**
     * What every bot pod must be, Deployment or Knative Service alike: no service-account token or service links,
     * non-root 10001 with seccomp RuntimeDefault, a read-only root filesystem, no privilege escalation, no
     * capabilities, and a 64Mi /tmp emptyDir. ({@code privileged} differs: false on a Deployment, unset on Knative.)
     */
    static void assertLockedDown(Boolean automountToken, Boolean serviceLinks,
                                 io.fabric8.kubernetes.api.model.PodSecurityContext pod,
                                 io.fabric8.kubernetes.api.model.SecurityContext container,
                                 java.util.List<io.fabric8.kubernetes.api.model.Volume> volumes) {
        org.assertj.core.api.Assertions.assertThat(automountToken).isFalse();
        org.assertj.core.api.Assertions.assertThat(serviceLinks).isFalse();
        org.assertj.core.api.Assertions.assertThat(pod.getRunAsNonRoot()).isTrue();
        org.assertj.core.api.Assertions.assertThat(pod.getRunAsUser()).isEqualTo(10001L);
        org.assertj.core.api.Assertions.assertThat(pod.getRunAsGroup()).isEqualTo(10001L);
        org.assertj.core.api.Assertions.assertThat(pod.getFsGroup()).isEqualTo(10001L);
        org.assertj.core.api.Assertions.assertThat(pod.getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
        org.assertj.core.api.Assertions.assertThat(container.getReadOnlyRootFilesystem()).isTrue();
        org.assertj.core.api.Assertions.assertThat(container.getAllowPrivilegeEscalation()).isFalse();
        org.assertj.core.api.Assertions.assertThat(container.getCapabilities().getDrop()).containsExactly("ALL");
        var tmp = volumes.stream().filter(v -> v.getName().equals("tmp")).findFirst().orElseThrow();
        org.assertj.core.api.Assertions.assertThat(tmp.getEmptyDir().getSizeLimit())
                .isEqualTo(new io.fabric8.kubernetes.api.model.Quantity("64Mi"));
    }

    /** Polls every 20 ms for at most 10 s; fails the test if the condition never holds. */
    static void eventually(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 10 s: " + what);
            }
            Thread.sleep(20);
        }
    }
}
