package io.knag.runtime.kubernetes;

import static io.knag.runtime.kubernetes.BotFixtures.NAMESPACE;
import static io.knag.runtime.kubernetes.BotFixtures.launch;
import static io.knag.runtime.kubernetes.BotFixtures.pod;
import static io.knag.runtime.kubernetes.BotFixtures.putPod;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.knag.bots.domain.RestartPolicy;
import io.knag.bots.runtime.BotLaunch;
import io.knag.bots.runtime.Observation.Kind;
import io.knag.bots.runtime.Observation;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/**
 * What the watch reports as the cluster changes. A change no one should hear about is checked by making a
 * second, reported change afterwards (another bot's Deployment deleted): watch events arrive in order, so the
 * next observation being that one proves the first change said nothing.
 */
@EnableKubernetesMockClient(crud = true)
class KubernetesBotObservationsTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    static KubernetesClient client;

    private final KubernetesBotRuntime runtime = new KubernetesBotRuntime(client, KubernetesRuntimeSettings.defaults());
    private final UUID botId = UUID.randomUUID();
    private final UUID marker = UUID.randomUUID();

    @BeforeEach
    void startWatching() throws Exception {
        runtime.start(launch(marker, 1)).block(WAIT);
        runtime.startWatching().get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void closeRuntimeAndClearTheNamespace() {
        runtime.close();
        client.pods().inNamespace(NAMESPACE).delete();
        client.apps().deployments().inNamespace(NAMESPACE).delete();
    }

    @Test
    void aDeploymentBecomingAvailableIsRunningOnceNotOnEveryChange() {
        runtime.start(launch(botId, 2)).block(WAIT);

        StepVerifier.create(runtime.observations().filter(o -> o.botId().equals(botId) || o.kind() == Kind.GONE))
                .then(() -> setAvailable(botId, 1))
                .expectNext(new Observation(botId, 2, Kind.RUNNING, "its pod is available"))
                .then(() -> setAvailable(botId, 1))
                .then(this::deleteMarker)
                .assertNext(o -> assertThat(o.botId()).isEqualTo(marker))
                .thenCancel()
                .verify(WAIT);
    }

    @Test
    void aPodOverItsRestartLimitIsFailed() {
        BotLaunch launch = launch(botId, 1); // on-failure, at most 3 restarts
        runtime.start(launch).block(WAIT);

        StepVerifier.create(observationsOfTheBot())
                .then(() -> putPod(client, pod(launch, "bot-a", 4, 1, "CrashLoopBackOff")))
                .assertNext(o -> {
                    assertThat(o.kind()).isEqualTo(Kind.FAILED);
                    assertThat(o.generation()).isEqualTo(1);
                    assertThat(o.detail()).isEqualTo("crashed 4 times, last exit code 1 (Error) (CrashLoopBackOff)");
                })
                .thenCancel()
                .verify(WAIT);
        assertThat(runtime.inventory().block(WAIT).get(botId).phase()).isEqualTo(io.knag.bots.runtime.WorkloadPhase.FAILED);
    }

    @Test
    void aRestartWithinTheLimitIsRestartedAndReportedOncePerRestart() {
        BotLaunch launch = launch(botId, 1);
        runtime.start(launch).block(WAIT);
        putPod(client, pod(launch, "bot-b", 0, null, null));

        StepVerifier.create(observationsOfTheBot())
                .then(() -> putPod(client, pod(launch, "bot-b", 1, 137, null)))
                .expectNext(new Observation(botId, 1, Kind.RESTARTED, "restarted after exit code 137 (Error)"))
                .then(() -> putPod(client, pod(launch, "bot-b", 1, 137, null)))
                .then(() -> putPod(client, pod(launch, "bot-b", 2, 2, null)))
                .expectNext(new Observation(botId, 1, Kind.RESTARTED, "restarted after exit code 2 (Error)"))
                .thenCancel()
                .verify(WAIT);
    }

    @Test
    void anImageThatCannotBePulledIsFailed() {
        BotLaunch launch = launch(botId, 1);
        runtime.start(launch).block(WAIT);

        StepVerifier.create(observationsOfTheBot())
                .then(() -> putPod(client, pod(launch, "bot-c", 0, null, "ImagePullBackOff")))
                .expectNext(new Observation(botId, 1, Kind.FAILED, "the image cannot be pulled (ImagePullBackOff)"))
                .thenCancel()
                .verify(WAIT);
    }

    @Test
    void aCleanExitOfAnOnFailureBotIsExitedAndACrashOfANeverBotIsFailed() {
        BotLaunch onFailure = launch(botId, 1);
        UUID other = UUID.randomUUID();
        BotLaunch never = launch(other, 1, new RestartPolicy("never", 0));
        runtime.start(onFailure).block(WAIT);
        runtime.start(never).block(WAIT);

        StepVerifier.create(runtime.observations().filter(o -> o.botId().equals(botId) || o.botId().equals(other)))
                .then(() -> putPod(client, pod(onFailure, "bot-d", 1, 0, null)))
                .expectNext(new Observation(botId, 1, Kind.EXITED, "exited with code 0"))
                .then(() -> putPod(client, pod(never, "bot-e", 1, 3, null)))
                .expectNext(new Observation(other, 1, Kind.FAILED, "crashed: exit code 3 (Error)"))
                .thenCancel()
                .verify(WAIT);
    }

    @Test
    void aDeploymentDeletedOutsideKnagIsGone() {
        runtime.start(launch(botId, 4)).block(WAIT);

        StepVerifier.create(observationsOfTheBot())
                .then(() -> client.apps().deployments().inNamespace(NAMESPACE).withName("knag-bot-" + botId).delete())
                .expectNext(new Observation(botId, 4, Kind.GONE, "its Deployment was deleted outside Knag"))
                .thenCancel()
                .verify(WAIT);
    }

    @Test
    void aDeploymentDeletedByStopIsNotGone() {
        runtime.start(launch(botId, 1)).block(WAIT);

        StepVerifier.create(runtime.observations().filter(o -> o.botId().equals(botId) || o.botId().equals(marker)))
                .then(() -> runtime.stop(botId).block(WAIT))
                .then(this::deleteMarker)
                .assertNext(o -> assertThat(o).isEqualTo(new Observation(marker, 1, Kind.GONE,
                        "its Deployment was deleted outside Knag")))
                .thenCancel()
                .verify(WAIT);
    }

    private reactor.core.publisher.Flux<Observation> observationsOfTheBot() {
        return runtime.observations().filter(o -> o.botId().equals(botId));
    }

    private void deleteMarker() {
        client.apps().deployments().inNamespace(NAMESPACE).withName("knag-bot-" + marker).delete();
    }

    private static void setAvailable(UUID botId, int replicas) {
        client.apps().deployments().inNamespace(NAMESPACE).withName("knag-bot-" + botId).editStatus(d -> {
            d.setStatus(new DeploymentStatusBuilder().withReplicas(replicas).withAvailableReplicas(replicas)
                    .withReadyReplicas(replicas).withUpdatedReplicas(replicas).build());
            return d;
        });
    }
}
