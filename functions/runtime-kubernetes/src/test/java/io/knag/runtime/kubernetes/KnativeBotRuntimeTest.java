package io.knag.runtime.kubernetes;

import static io.knag.runtime.kubernetes.BotFixtures.CREDENTIALS;
import static io.knag.runtime.kubernetes.BotFixtures.NAMESPACE;
import static io.knag.runtime.kubernetes.BotFixtures.OWNER;
import static io.knag.runtime.kubernetes.BotFixtures.deployment;
import static io.knag.runtime.kubernetes.BotFixtures.networkPolicy;
import static io.knag.runtime.kubernetes.BotFixtures.secret;
import static io.knag.runtime.kubernetes.BotFixtures.knativeService;
import static io.knag.runtime.kubernetes.BotFixtures.launch;
import static io.knag.runtime.kubernetes.BotFixtures.requestDriven;
import static io.knag.runtime.kubernetes.BotFixtures.setReady;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.knative.serving.v1.RevisionSpec;
import io.fabric8.knative.serving.v1.Service;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.knag.bots.domain.BotKind;
import io.knag.bots.domain.Resources;
import io.knag.bots.domain.RestartPolicy;
import io.knag.bots.runtime.BotLaunch;
import io.knag.bots.runtime.WorkloadPhase;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A request-driven bot is a Knative Service (plus its Secret and NetworkPolicy), on the mock API server. */
@EnableKubernetesMockClient(crud = true)
class KnativeBotRuntimeTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    static KubernetesClient client;

    private final KubernetesBotRuntime runtime = new KubernetesBotRuntime(client, KubernetesRuntimeSettings.defaults());
    private final UUID botId = UUID.randomUUID();
    private final String name = "knag-bot-" + botId;

    @AfterEach
    void closeRuntime() {
        runtime.close();
    }

    @Test
    void startCreatesAClusterLocalKnativeServiceOfAtMostOneInstanceScaledToZero() {
        assertThat(runtime.start(requestDriven(botId, 1)).block(WAIT)).isEqualTo(WorkloadPhase.PENDING);

        Service service = service();
        assertThat(service.getApiVersion()).isEqualTo("serving.knative.dev/v1");
        assertThat(service.getMetadata().getLabels()).containsEntry("networking.knative.dev/visibility", "cluster-local");
        var template = service.getSpec().getTemplate();
        assertThat(template.getMetadata().getAnnotations())
                .containsEntry("autoscaling.knative.dev/min-scale", "0")
                .containsEntry("autoscaling.knative.dev/max-scale", "1");
        RevisionSpec revision = template.getSpec();
        assertThat(revision.getContainerConcurrency()).isEqualTo(1L);
        Container bot = revision.getContainers().get(0);
        assertThat(bot.getName()).isEqualTo("bot");
        assertThat(bot.getImage()).isEqualTo("ghcr.io/knag/webhook-bot:1.0");
        assertThat(bot.getPorts()).singleElement().satisfies(port -> {
            assertThat(port.getContainerPort()).isEqualTo(8080);
            assertThat(port.getName()).isEqualTo("http1");
        });
        assertThat(bot.getResources().getRequests()).isEqualTo(bot.getResources().getLimits())
                .isEqualTo(Map.of("cpu", new Quantity("250m"), "memory", new Quantity("256Mi")));
        assertThat(deployment(client, botId)).isNull();
    }

    @Test
    void theKnativePodIsLockedDownAsADeploymentsPodIs() {
        runtime.start(requestDriven(botId, 1)).block(WAIT);

        RevisionSpec pod = service().getSpec().getTemplate().getSpec();
        var security = pod.getContainers().get(0).getSecurityContext();
        BotFixtures.assertLockedDown(pod.getAutomountServiceAccountToken(), pod.getEnableServiceLinks(),
                pod.getSecurityContext(), security, pod.getVolumes());
        assertThat(security.getPrivileged()).isNull(); // unset is false; older Knative refuses the field
    }

    @Test
    void credentialsAreAReadOnlyFileOfTheServicesOwnSecretNeverAnEnvironmentVariable() {
        runtime.start(requestDriven(botId, 1)).block(WAIT);

        RevisionSpec pod = service().getSpec().getTemplate().getSpec();
        Container bot = pod.getContainers().get(0);
        Map<String, String> env = bot.getEnv().stream().collect(Collectors.toMap(EnvVar::getName, EnvVar::getValue));
        assertThat(env).containsOnlyKeys("KNAG_BOT_ID", "KNAG_BROKER", "KNAG_PARAMS", "KNAG_CREDENTIALS_FILE");
        assertThat(bot.getEnv()).allSatisfy(e -> {
            assertThat(e.getValueFrom()).isNull();
            assertThat(e.getValue()).doesNotContain("s3cr3t");
        });
        assertThat(bot.getEnvFrom()).isEmpty();
        assertThat(bot.getVolumeMounts()).filteredOn(m -> m.getName().equals("credentials")).singleElement()
                .satisfies(m -> assertThat(m.getReadOnly()).isTrue());
        Volume credentials = pod.getVolumes().stream().filter(v -> v.getName().equals("credentials")).findFirst().orElseThrow();
        assertThat(credentials.getSecret().getSecretName()).isEqualTo(name);
        assertThat(credentials.getSecret().getDefaultMode()).isEqualTo(0400);
        Secret secret = secret(client, botId);
        assertThat(Base64.getDecoder().decode(secret.getData().get("credentials.json")))
                .isEqualTo(CREDENTIALS.getBytes(StandardCharsets.UTF_8));
        assertOwnedByTheService(secret.getMetadata().getOwnerReferences());
    }

    @Test
    void theServiceAndItsObjectsCarryTheBotOwnerAndLaunchLabels() {
        runtime.start(requestDriven(botId, 7)).block(WAIT);

        Map<String, String> labels = Map.of("app.kubernetes.io/managed-by", "knag", "knag.io/bot", botId.toString(),
                "knag.io/owner", OWNER.toString());
        Map<String, String> annotations = Map.of("knag.io/generation", "7", "knag.io/restart-mode", "on-failure",
                "knag.io/max-restarts", "3");
        Service service = service();
        for (var object : List.of(service, secret(client, botId), networkPolicy(client, botId))) {
            assertThat(object.getMetadata().getLabels()).containsAllEntriesOf(labels);
            assertThat(object.getMetadata().getAnnotations()).containsAllEntriesOf(annotations);
        }
        assertThat(service.getSpec().getTemplate().getMetadata().getLabels()).containsAllEntriesOf(labels);
        assertThat(service.getSpec().getTemplate().getMetadata().getAnnotations()).containsAllEntriesOf(annotations);
    }

    @Test
    void theNetworkPolicyAdmitsKnativeServingOnlyAndLetsOutOnlyDnsPublicHttpsAndReports() {
        runtime.start(requestDriven(botId, 1)).block(WAIT);

        NetworkPolicy policy = networkPolicy(client, botId);
        assertThat(policy.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
        assertThat(policy.getSpec().getIngress()).singleElement().satisfies(rule -> {
            assertThat(rule.getFrom()).singleElement().satisfies(peer -> {
                assertThat(peer.getNamespaceSelector().getMatchLabels())
                        .isEqualTo(Map.of("kubernetes.io/metadata.name", "knative-serving"));
                assertThat(peer.getPodSelector()).isNull();
                assertThat(peer.getIpBlock()).isNull();
            });
            assertThat(rule.getPorts()).extracting(p -> p.getProtocol() + "/" + p.getPort().getIntVal())
                    .containsExactlyInAnyOrder("TCP/8080", "TCP/8012", "TCP/8013", "TCP/9090");
        });
        assertThat(policy.getSpec().getEgress()).hasSize(3);
        assertThat(policy.getSpec().getEgress().get(1).getPorts()).extracting(p -> p.getPort().getIntVal()).containsExactly(443);
        assertThat(policy.getSpec().getEgress().get(2).getPorts()).extracting(p -> p.getPort().getIntVal()).containsExactly(8080);
        assertOwnedByTheService(policy.getMetadata().getOwnerReferences());
    }

    @Test
    void startingTheSameGenerationTwiceLeavesOneUntouchedService() {
        runtime.start(requestDriven(botId, 3)).block(WAIT);
        String serviceVersion = service().getMetadata().getResourceVersion();
        String secretVersion = secret(client, botId).getMetadata().getResourceVersion();

        assertThat(runtime.start(requestDriven(botId, 3)).block(WAIT)).isEqualTo(WorkloadPhase.PENDING);

        assertThat(service().getMetadata().getResourceVersion()).isEqualTo(serviceVersion);
        assertThat(secret(client, botId).getMetadata().getResourceVersion())
                .isEqualTo(secretVersion);
    }

    @Test
    void startingAgainAnswersTheServicesPhaseAndRestoresALostSecret() {
        runtime.start(requestDriven(botId, 1)).block(WAIT);
        setReady(client, botId, "True", null, null);
        client.secrets().inNamespace(NAMESPACE).withName(name).delete();

        assertThat(runtime.start(requestDriven(botId, 1)).block(WAIT)).isEqualTo(WorkloadPhase.RUNNING);

        assertOwnedByTheService(secret(client, botId).getMetadata().getOwnerReferences());
    }

    @Test
    void aNewerGenerationReplacesTheServiceAndItsCredentials() {
        runtime.start(requestDriven(botId, 1)).block(WAIT);
        BotLaunch second = new BotLaunch(botId, OWNER, 2, "ghcr.io/knag/webhook-bot:2.0", "{}", "paper",
                new Resources("500m", "512Mi"), RestartPolicy.DEFAULT, "{\"rotated\":true}".getBytes(StandardCharsets.UTF_8),
                BotKind.REQUEST_DRIVEN);

        assertThat(runtime.start(second).block(WAIT)).isEqualTo(WorkloadPhase.PENDING);

        Service service = service();
        assertThat(service.getMetadata().getAnnotations()).containsEntry("knag.io/generation", "2");
        assertThat(service.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
                .isEqualTo("ghcr.io/knag/webhook-bot:2.0");
        Secret secret = secret(client, botId);
        assertThat(new String(Base64.getDecoder().decode(secret.getData().get("credentials.json")), StandardCharsets.UTF_8))
                .isEqualTo("{\"rotated\":true}");
        assertOwnedByTheService(secret.getMetadata().getOwnerReferences());
        assertThat(networkPolicy(client, botId).getMetadata().getAnnotations()).containsEntry("knag.io/generation", "2");
    }

    @Test
    void anOlderGenerationArrivingLateLeavesTheNewerService() {
        runtime.start(requestDriven(botId, 5)).block(WAIT);

        runtime.start(requestDriven(botId, 4)).block(WAIT);
        runtime.start(launch(botId, 4)).block(WAIT);

        assertThat(service().getMetadata().getAnnotations()).containsEntry("knag.io/generation", "5");
        assertThat(deployment(client, botId)).isNull();
    }

    @Test
    void switchingAContinuousBotToRequestDrivenRemovesItsDeployment() {
        runtime.start(launch(botId, 1)).block(WAIT);

        runtime.start(requestDriven(botId, 2)).block(WAIT);

        assertThat(deployment(client, botId)).isNull();
        assertThat(service().getMetadata().getAnnotations()).containsEntry("knag.io/generation", "2");
        assertOwnedByTheService(secret(client, botId).getMetadata().getOwnerReferences());
        assertThat(networkPolicy(client, botId).getSpec().getIngress()).hasSize(1);
        assertThat(runtime.inventory().block(WAIT).get(botId).generation()).isEqualTo(2);
    }

    @Test
    void switchingARequestDrivenBotToContinuousRemovesItsService() {
        runtime.start(requestDriven(botId, 1)).block(WAIT);

        runtime.start(launch(botId, 2)).block(WAIT);

        assertThat(service()).isNull();
        assertThat(deployment(client, botId).getMetadata().getAnnotations()).containsEntry("knag.io/generation", "2");
        assertThat(secret(client, botId).getMetadata().getOwnerReferences())
                .singleElement().satisfies(o -> assertThat(o.getKind()).isEqualTo("Deployment"));
        assertThat(networkPolicy(client, botId).getSpec().getIngress()).isNullOrEmpty();
    }

    @Test
    void stopDeletesTheServiceSecretAndNetworkPolicyAndASecondStopIsFine() {
        runtime.start(requestDriven(botId, 1)).block(WAIT);

        runtime.stop(botId).block(WAIT);

        assertThat(service()).isNull();
        assertThat(secret(client, botId)).isNull();
        assertThat(networkPolicy(client, botId)).isNull();
        runtime.stop(botId).block(WAIT);
        assertThat(runtime.inventory().block(WAIT)).doesNotContainKey(botId);
    }

    @Test
    void theInventoryReadsTheReadyCondition() {
        UUID ready = UUID.randomUUID();
        UUID failed = UUID.randomUUID();
        UUID unknown = UUID.randomUUID();
        for (UUID id : List.of(botId, ready, failed, unknown)) {
            runtime.start(requestDriven(id, 2)).block(WAIT);
        }
        setReady(client, ready, "True", null, null);
        setReady(client, failed, "False", "RevisionFailed", "Revision failed");
        setReady(client, unknown, "Unknown", "Deploying", null);

        var inventory = runtime.inventory().block(WAIT);

        assertThat(inventory.get(botId).phase()).isEqualTo(WorkloadPhase.PENDING);
        assertThat(inventory.get(ready).phase()).isEqualTo(WorkloadPhase.RUNNING);
        assertThat(inventory.get(failed).phase()).isEqualTo(WorkloadPhase.FAILED);
        assertThat(inventory.get(unknown).phase()).isEqualTo(WorkloadPhase.PENDING);
        assertThat(inventory.get(ready).generation()).isEqualTo(2);
        assertThat(inventory.get(ready).owner()).isEqualTo(OWNER);
    }

    private Service service() {
        return knativeService(client, botId);
    }

    private void assertOwnedByTheService(List<OwnerReference> references) {
        assertThat(references).singleElement().satisfies(reference -> {
            assertThat(reference.getApiVersion()).isEqualTo("serving.knative.dev/v1");
            assertThat(reference.getKind()).isEqualTo("Service");
            assertThat(reference.getName()).isEqualTo(name);
            assertThat(reference.getUid()).isNotBlank().isEqualTo(service().getMetadata().getUid());
        });
    }
}
