package io.knag.runtime.kubernetes;

import static io.knag.runtime.kubernetes.BotFixtures.CREDENTIALS;
import static io.knag.runtime.kubernetes.BotFixtures.NAMESPACE;
import static io.knag.runtime.kubernetes.BotFixtures.OWNER;
import static io.knag.runtime.kubernetes.BotFixtures.deployment;
import static io.knag.runtime.kubernetes.BotFixtures.networkPolicy;
import static io.knag.runtime.kubernetes.BotFixtures.secret;
import static io.knag.runtime.kubernetes.BotFixtures.launch;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.knag.bots.runtime.BotLaunch;
import io.knag.bots.runtime.WorkloadPhase;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true)
class KubernetesBotRuntimeTest {

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
    void startCreatesALockedDownPendingDeployment() {
        assertThat(runtime.start(launch(botId, 1)).block(WAIT)).isEqualTo(WorkloadPhase.PENDING);

        Deployment deployment = deployment(client, botId);
        assertThat(deployment.getSpec().getReplicas()).isEqualTo(1);
        assertThat(deployment.getSpec().getStrategy().getType()).isEqualTo("Recreate");
        PodSpec pod = deployment.getSpec().getTemplate().getSpec();
        Container bot = pod.getContainers().get(0);
        BotFixtures.assertLockedDown(pod.getAutomountServiceAccountToken(), pod.getEnableServiceLinks(),
                pod.getSecurityContext(), bot.getSecurityContext(), pod.getVolumes());
        assertThat(bot.getImage()).isEqualTo("ghcr.io/knag/reference-bot:1.0");
        assertThat(bot.getSecurityContext().getPrivileged()).isFalse();
        assertThat(bot.getResources().getRequests()).isEqualTo(bot.getResources().getLimits())
                .isEqualTo(Map.of("cpu", new Quantity("250m"), "memory", new Quantity("256Mi")));
        assertThat(bot.getVolumeMounts()).anySatisfy(m -> assertThat(m.getMountPath()).isEqualTo("/tmp"));
    }

    @Test
    void credentialsAreAReadOnlyFileNeverAnEnvironmentVariable() {
        runtime.start(launch(botId, 1)).block(WAIT);

        PodSpec pod = deployment(client, botId).getSpec().getTemplate().getSpec();
        Container bot = pod.getContainers().get(0);
        Map<String, String> env = bot.getEnv().stream().collect(Collectors.toMap(EnvVar::getName, EnvVar::getValue));
        assertThat(env).containsExactlyInAnyOrderEntriesOf(Map.of("KNAG_BOT_ID", botId.toString(), "KNAG_BROKER", "paper",
                "KNAG_PARAMS", BotFixtures.PARAMS, "KNAG_CREDENTIALS_FILE", "/var/run/knag/credentials.json"));
        assertThat(bot.getEnv()).allSatisfy(e -> {
            assertThat(e.getValueFrom()).isNull();
            assertThat(e.getValue()).doesNotContain("s3cr3t");
        });
        assertThat(bot.getEnvFrom()).isEmpty();
        assertThat(bot.getVolumeMounts()).filteredOn(m -> m.getName().equals("credentials")).singleElement()
                .satisfies(m -> {
                    assertThat(m.getMountPath()).isEqualTo("/var/run/knag");
                    assertThat(m.getReadOnly()).isTrue();
                });
        Volume credentials = pod.getVolumes().stream().filter(v -> v.getName().equals("credentials")).findFirst().orElseThrow();
        assertThat(credentials.getSecret().getSecretName()).isEqualTo(name);
        assertThat(credentials.getSecret().getDefaultMode()).isEqualTo(0400);
    }

    @Test
    void theSecretHoldsExactlyTheCredentialsFileAndBelongsToTheDeployment() {
        runtime.start(launch(botId, 1)).block(WAIT);

        Secret secret = secret(client, botId);
        assertThat(secret.getType()).isEqualTo("Opaque");
        assertThat(secret.getData()).containsOnlyKeys("credentials.json");
        assertThat(Base64.getDecoder().decode(secret.getData().get("credentials.json")))
                .isEqualTo(CREDENTIALS.getBytes(StandardCharsets.UTF_8));
        assertOwnedByTheDeployment(secret.getMetadata().getOwnerReferences().get(0));
    }

    @Test
    void everyObjectCarriesTheBotOwnerAndLaunchLabels() {
        runtime.start(launch(botId, 7)).block(WAIT);

        Map<String, String> labels = Map.of("app.kubernetes.io/managed-by", "knag", "knag.io/bot", botId.toString(),
                "knag.io/owner", OWNER.toString());
        Map<String, String> annotations = Map.of("knag.io/generation", "7", "knag.io/restart-mode", "on-failure",
                "knag.io/max-restarts", "3");
        for (var object : java.util.List.of(deployment(client, botId), secret(client, botId),
                networkPolicy(client, botId))) {
            assertThat(object.getMetadata().getLabels()).containsAllEntriesOf(labels);
            assertThat(object.getMetadata().getAnnotations()).containsAllEntriesOf(annotations);
        }
        assertThat(deployment(client, botId).getSpec().getTemplate().getMetadata().getLabels()).containsAllEntriesOf(labels);
        assertThat(deployment(client, botId).getSpec().getTemplate().getMetadata().getAnnotations()).containsAllEntriesOf(annotations);
    }

    @Test
    void theNetworkPolicyAdmitsNothingAndLetsOutOnlyDnsPublicHttpsAndReportsToThePlatform() {
        runtime.start(launch(botId, 1)).block(WAIT);

        NetworkPolicy policy = networkPolicy(client, botId);
        assertThat(policy.getSpec().getPodSelector().getMatchLabels()).containsEntry("knag.io/bot", botId.toString());
        assertThat(policy.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
        assertThat(policy.getSpec().getIngress()).isNullOrEmpty();
        assertThat(policy.getSpec().getEgress()).hasSize(3);
        NetworkPolicyEgressRule dns = policy.getSpec().getEgress().get(0);
        assertThat(dns.getPorts()).extracting(p -> p.getProtocol() + "/" + p.getPort().getIntVal())
                .containsExactlyInAnyOrder("UDP/53", "TCP/53");
        NetworkPolicyEgressRule https = policy.getSpec().getEgress().get(1);
        assertThat(https.getPorts()).extracting(p -> p.getProtocol() + "/" + p.getPort().getIntVal()).containsExactly("TCP/443");
        assertThat(https.getTo()).singleElement().satisfies(peer -> {
            assertThat(peer.getIpBlock().getCidr()).isEqualTo("0.0.0.0/0");
            assertThat(peer.getIpBlock().getExcept())
                    .containsExactlyInAnyOrder("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "169.254.0.0/16");
        });
        NetworkPolicyEgressRule reports = policy.getSpec().getEgress().get(2);
        assertThat(reports.getPorts()).extracting(p -> p.getProtocol() + "/" + p.getPort().getIntVal()).containsExactly("TCP/8080");
        assertThat(reports.getTo()).singleElement().satisfies(peer -> {
            assertThat(peer.getIpBlock()).isNull();
            assertThat(peer.getNamespaceSelector().getMatchLabels()).containsExactly(Map.entry("kubernetes.io/metadata.name", "knag"));
            assertThat(peer.getPodSelector().getMatchLabels()).containsExactly(Map.entry("app.kubernetes.io/name", "knag-bots"));
        });
        assertOwnedByTheDeployment(policy.getMetadata().getOwnerReferences().get(0));
    }

    @Test
    void startingTheSameGenerationTwiceLeavesOneUntouchedDeployment() {
        runtime.start(launch(botId, 3)).block(WAIT);
        String deploymentVersion = deployment(client, botId).getMetadata().getResourceVersion();
        String secretVersion = secret(client, botId).getMetadata().getResourceVersion();

        assertThat(runtime.start(launch(botId, 3)).block(WAIT)).isEqualTo(WorkloadPhase.PENDING);

        assertThat(client.apps().deployments().inNamespace(NAMESPACE).withLabel("knag.io/bot", botId.toString())
                .list().getItems()).hasSize(1);
        assertThat(deployment(client, botId).getMetadata().getResourceVersion()).isEqualTo(deploymentVersion);
        assertThat(secret(client, botId).getMetadata().getResourceVersion())
                .isEqualTo(secretVersion);
    }

    @Test
    void aNewerGenerationReplacesTheWorkloadAndItsCredentials() {
        runtime.start(launch(botId, 1)).block(WAIT);
        BotLaunch second = new BotLaunch(botId, OWNER, 2, "ghcr.io/knag/reference-bot:2.0", "{}", "paper",
                new io.knag.bots.domain.Resources("500m", "512Mi"), io.knag.bots.domain.RestartPolicy.DEFAULT,
                "{\"rotated\":true}".getBytes(StandardCharsets.UTF_8));

        assertThat(runtime.start(second).block(WAIT)).isEqualTo(WorkloadPhase.PENDING);

        Deployment deployment = deployment(client, botId);
        assertThat(deployment.getMetadata().getAnnotations()).containsEntry("knag.io/generation", "2");
        assertThat(deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
                .isEqualTo("ghcr.io/knag/reference-bot:2.0");
        Secret secret = secret(client, botId);
        assertThat(new String(Base64.getDecoder().decode(secret.getData().get("credentials.json")), StandardCharsets.UTF_8))
                .isEqualTo("{\"rotated\":true}");
        assertThat(networkPolicy(client, botId).getMetadata().getAnnotations()).containsEntry("knag.io/generation", "2");
    }

    @Test
    void anOlderGenerationArrivingLateLeavesTheNewerWorkload() {
        runtime.start(launch(botId, 5)).block(WAIT);

        runtime.start(launch(botId, 4)).block(WAIT);

        assertThat(deployment(client, botId).getMetadata().getAnnotations()).containsEntry("knag.io/generation", "5");
    }

    @Test
    void startingAgainRestoresASecretAndPolicyLostToAnInterruptedStart() {
        runtime.start(launch(botId, 1)).block(WAIT);
        client.secrets().inNamespace(NAMESPACE).withName(name).delete();
        client.network().v1().networkPolicies().inNamespace(NAMESPACE).withName(name).delete();

        runtime.start(launch(botId, 1)).block(WAIT);

        assertThat(secret(client, botId)).isNotNull();
        assertThat(networkPolicy(client, botId)).isNotNull();
    }

    @Test
    void stopDeletesTheSecretDeploymentAndNetworkPolicyAndASecondStopIsFine() {
        runtime.start(launch(botId, 1)).block(WAIT);

        runtime.stop(botId).block(WAIT);

        assertThat(deployment(client, botId)).isNull();
        assertThat(secret(client, botId)).isNull();
        assertThat(networkPolicy(client, botId)).isNull();
        runtime.stop(botId).block(WAIT);
        assertThat(runtime.inventory().block(WAIT)).doesNotContainKey(botId);
    }

    @Test
    void logsOfABotWithoutPodsAreEmpty() {
        runtime.start(launch(botId, 1)).block(WAIT);

        assertThat(runtime.logs(botId, 50).block(WAIT)).isEmpty();
        assertThat(runtime.logs(UUID.randomUUID(), 50).block(WAIT)).isEmpty();
    }

    @Test
    void botsDoNotStopWithThePlatform() {
        assertThat(runtime.botsStopWithPlatform()).isFalse();
    }

    private void assertOwnedByTheDeployment(io.fabric8.kubernetes.api.model.OwnerReference reference) {
        assertThat(reference.getKind()).isEqualTo("Deployment");
        assertThat(reference.getName()).isEqualTo(name);
        assertThat(reference.getUid()).isNotBlank().isEqualTo(deployment(client, botId).getMetadata().getUid());
    }
}
