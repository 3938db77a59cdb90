package io.knag.runtime.kubernetes;

import static io.knag.runtime.kubernetes.BotFixtures.NAMESPACE;
import static io.knag.runtime.kubernetes.BotFixtures.OWNER;
import static io.knag.runtime.kubernetes.BotFixtures.knativeService;
import static io.knag.runtime.kubernetes.BotFixtures.launch;
import static io.knag.runtime.kubernetes.BotFixtures.requestDriven;
import static io.knag.runtime.kubernetes.BotFixtures.setReady;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.knag.bots.runtime.Observation;
import io.knag.bots.runtime.Observation.Kind;
import io.knag.bots.runtime.Workload;
import io.knag.bots.runtime.WorkloadPhase;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/** A new runtime instance (the manager restarted) finds and adopts what the last one left on the cluster. */
@EnableKubernetesMockClient(crud = true)
class ManagerRestartTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    static KubernetesClient client;

    @Test
    void aNewRuntimeFindsTheWorkloadsWithTheirGenerationAndDoesNotRecreateThem() {
        UUID pending = UUID.randomUUID();
        UUID running = UUID.randomUUID();
        try (var before = new KubernetesBotRuntime(client, KubernetesRuntimeSettings.defaults())) {
            before.start(launch(pending, 3)).block(WAIT);
            before.start(launch(running, 8)).block(WAIT);
        }
        client.apps().deployments().inNamespace(NAMESPACE).withName("knag-bot-" + running)
                .editStatus(d -> {
                    d.setStatus(new DeploymentStatusBuilder().withAvailableReplicas(1).build());
                    return d;
                });
        String version = client.apps().deployments().inNamespace(NAMESPACE).withName("knag-bot-" + pending).get()
                .getMetadata().getResourceVersion();

        try (var after = new KubernetesBotRuntime(client, KubernetesRuntimeSettings.defaults())) {
            Map<UUID, Workload> inventory = after.inventory().block(WAIT);
            assertThat(inventory).containsEntry(pending, new Workload(pending, OWNER, 3, WorkloadPhase.PENDING))
                    .containsEntry(running, new Workload(running, OWNER, 8, WorkloadPhase.RUNNING));

            assertThat(after.start(launch(pending, 3)).block(WAIT)).isEqualTo(WorkloadPhase.PENDING);
            assertThat(after.start(launch(running, 8)).block(WAIT)).isEqualTo(WorkloadPhase.RUNNING);
            assertThat(client.apps().deployments().inNamespace(NAMESPACE).withName("knag-bot-" + pending).get()
                    .getMetadata().getResourceVersion()).isEqualTo(version);

            StepVerifier.create(after.observations().filter(o -> o.botId().equals(running)))
                    .expectNext(new Observation(running, 8, Kind.RUNNING, "its pod is available"))
                    .thenCancel()
                    .verify(WAIT);
        }
    }

    @Test
    void aNewRuntimeFindsTheRequestDrivenBotsAndDoesNotRecreateTheirServices() {
        UUID pending = UUID.randomUUID();
        UUID ready = UUID.randomUUID();
        try (var before = new KubernetesBotRuntime(client, KubernetesRuntimeSettings.defaults())) {
            before.start(requestDriven(pending, 2)).block(WAIT);
            before.start(requestDriven(ready, 6)).block(WAIT);
        }
        setReady(client, ready, "True", null, null);
        String version = knativeService(client, pending).getMetadata().getResourceVersion();

        try (var after = new KubernetesBotRuntime(client, KubernetesRuntimeSettings.defaults())) {
            Map<UUID, Workload> inventory = after.inventory().block(WAIT);
            assertThat(inventory).containsEntry(pending, new Workload(pending, OWNER, 2, WorkloadPhase.PENDING))
                    .containsEntry(ready, new Workload(ready, OWNER, 6, WorkloadPhase.RUNNING));

            assertThat(after.start(requestDriven(pending, 2)).block(WAIT)).isEqualTo(WorkloadPhase.PENDING);
            assertThat(after.start(requestDriven(ready, 6)).block(WAIT)).isEqualTo(WorkloadPhase.RUNNING);
            assertThat(knativeService(client, pending).getMetadata().getResourceVersion()).isEqualTo(version);

            StepVerifier.create(after.observations().filter(o -> o.botId().equals(ready)))
                    .expectNext(new Observation(ready, 6, Kind.RUNNING, "its Knative Service is ready"))
                    .thenCancel()
                    .verify(WAIT);
        }
    }
}
