package io.knag.runtime.kubernetes;

import static io.knag.runtime.kubernetes.BotFixtures.NAMESPACE;
import static io.knag.runtime.kubernetes.BotFixtures.launch;
import static io.knag.runtime.kubernetes.BotFixtures.requestDriven;
import static io.knag.runtime.kubernetes.BotFixtures.setReady;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.knative.client.KnativeClient;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.knag.bots.runtime.Observation;
import io.knag.bots.runtime.Observation.Kind;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/**
 * What the watch reports of request-driven bots as their Knative Services change. As in
 * {@link KubernetesBotObservationsTest}, a change that must say nothing is followed by a reported one of the same
 * informer (another bot's Knative Service deleted): its events arrive in order, so the next observation being
 * that one proves the first change said nothing.
 */
@EnableKubernetesMockClient(crud = true)
class KnativeBotObservationsTest {

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
        client.adapt(KnativeClient.class).services().inNamespace(NAMESPACE).delete();
        client.apps().deployments().inNamespace(NAMESPACE).delete();
    }

    @Test
    void aServiceBecomingReadyIsRunningOnce() {
        runtime.start(requestDriven(botId, 2)).block(WAIT);

        StepVerifier.create(observationsOfTheBot())
                .then(() -> setReady(client, botId, "True", null, null))
                .expectNext(new Observation(botId, 2, Kind.RUNNING, "its Knative Service is ready"))
                .then(() -> setReady(client, botId, "True", null, "scaled to zero")) // still ready: no news
                .then(() -> client.adapt(KnativeClient.class).services().inNamespace(NAMESPACE)
                        .withName("knag-bot-" + botId).delete())
                .expectNext(new Observation(botId, 2, Kind.GONE, "its Knative Service was deleted outside Knag"))
                .thenCancel()
                .verify(WAIT);
    }

    @Test
    void aServiceThatCannotRunIsFailedWithTheReasonOnly() {
        runtime.start(requestDriven(botId, 1)).block(WAIT);

        StepVerifier.create(observationsOfTheBot())
                .then(() -> setReady(client, botId, "False", "RevisionFailed",
                        "Revision \"knag-bot-00001\" failed with message: apiKey=s3cr3t-key printed by the bot"))
                .assertNext(o -> {
                    assertThat(o).isEqualTo(new Observation(botId, 1, Kind.FAILED,
                            "its Knative Service cannot run (RevisionFailed)"));
                    assertThat(o.detail()).doesNotContain("s3cr3t");
                })
                .thenCancel()
                .verify(WAIT);
        assertThat(runtime.inventory().block(WAIT).get(botId).phase()).isEqualTo(io.knag.bots.runtime.WorkloadPhase.FAILED);
    }

    @Test
    void aMissingImageIsFailed() {
        runtime.start(requestDriven(botId, 1)).block(WAIT);

        StepVerifier.create(observationsOfTheBot())
                .then(() -> setReady(client, botId, "False", "ContainerMissing", "Unable to fetch image"))
                .expectNext(new Observation(botId, 1, Kind.FAILED, "its Knative Service cannot run (ContainerMissing)"))
                .thenCancel()
                .verify(WAIT);
    }

    @Test
    void aServiceNotReadyYetSaysNothingAndOneDeletedByStopIsNotGone() {
        UUID otherService = UUID.randomUUID();
        runtime.start(requestDriven(botId, 1)).block(WAIT);
        runtime.start(requestDriven(otherService, 1)).block(WAIT);

        StepVerifier.create(runtime.observations().filter(o -> o.botId().equals(botId) || o.botId().equals(otherService)))
                .then(() -> setReady(client, botId, "Unknown", "Deploying", null))
                .then(() -> setReady(client, botId, "False", "IngressNotConfigured", null))
                .then(() -> runtime.stop(botId).block(WAIT))
                .then(() -> client.adapt(KnativeClient.class).services().inNamespace(NAMESPACE)
                        .withName("knag-bot-" + otherService).delete())
                .assertNext(o -> assertThat(o).isEqualTo(new Observation(otherService, 1, Kind.GONE,
                        "its Knative Service was deleted outside Knag")))
                .thenCancel()
                .verify(WAIT);
    }

    @Test
    void aSwitchOfKindIsNotGoneAndTheNewServiceReports() {
        runtime.start(launch(botId, 1)).block(WAIT);

        StepVerifier.create(runtime.observations().filter(o -> o.botId().equals(botId) || o.botId().equals(marker)))
                .then(() -> runtime.start(requestDriven(botId, 2)).block(WAIT))
                .then(() -> setReady(client, botId, "True", null, null))
                .expectNext(new Observation(botId, 2, Kind.RUNNING, "its Knative Service is ready"))
                .then(() -> client.apps().deployments().inNamespace(NAMESPACE).withName("knag-bot-" + marker).delete())
                .assertNext(o -> assertThat(o).isEqualTo(new Observation(marker, 1, Kind.GONE,
                        "its Deployment was deleted outside Knag")))
                .thenCancel()
                .verify(WAIT);
    }

    private Flux<Observation> observationsOfTheBot() {
        return runtime.observations().filter(o -> o.botId().equals(botId));
    }
}
