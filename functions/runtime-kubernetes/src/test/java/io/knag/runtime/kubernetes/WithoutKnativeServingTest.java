package io.knag.runtime.kubernetes;

import static io.knag.runtime.kubernetes.BotFixtures.NAMESPACE;
import static io.knag.runtime.kubernetes.BotFixtures.launch;
import static io.knag.runtime.kubernetes.BotFixtures.requestDriven;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.knag.bots.runtime.Observation;
import io.knag.bots.runtime.Observation.Kind;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/** On a cluster without Knative Serving (its API answers 404), continuous bots work as before. */
@EnableKubernetesMockClient(crud = true)
class WithoutKnativeServingTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String SERVICES = "/apis/serving.knative.dev/v1/namespaces/" + NAMESPACE
            + "/services?labelSelector=app.kubernetes.io%2Fmanaged-by%3Dknag";
    static KubernetesMockServer server;
    static KubernetesClient client;

    private final KubernetesBotRuntime runtime = new KubernetesBotRuntime(client, KubernetesRuntimeSettings.defaults());
    private final UUID botId = UUID.randomUUID();

    @BeforeEach
    void knativeServingIsNotInstalled() {
        var notFound = new StatusBuilder().withStatus("Failure").withCode(404).withReason("NotFound")
                .withMessage("the server could not find the requested resource").build();
        for (String path : new String[] {SERVICES, SERVICES + "&resourceVersion=0"}) {
            server.expect().get().withPath(path).andReturn(404, notFound).always();
        }
    }

    @AfterEach
    void closeRuntime() {
        runtime.close();
    }

    @Test
    void continuousBotsAreProvisionedListedWatchedAndStopped() throws Exception {
        runtime.start(launch(botId, 1)).block(WAIT);

        runtime.startWatching().get(10, TimeUnit.SECONDS);
        assertThat(runtime.inventory().block(WAIT)).containsKey(botId);
        StepVerifier.create(runtime.observations().filter(o -> o.botId().equals(botId)))
                .then(() -> client.apps().deployments().inNamespace(NAMESPACE).withName("knag-bot-" + botId).delete())
                .expectNext(new Observation(botId, 1, Kind.GONE, "its Deployment was deleted outside Knag"))
                .thenCancel()
                .verify(WAIT);
        runtime.stop(botId).block(WAIT);
        assertThat(runtime.inventory().block(WAIT)).doesNotContainKey(botId);
    }

    @Test
    void aRequestDrivenBotCannotStart() {
        server.expect().post().withPath("/apis/serving.knative.dev/v1/namespaces/" + NAMESPACE + "/services")
                .andReturn(404, new StatusBuilder().withCode(404).build()).always();

        assertThatThrownBy(() -> runtime.start(requestDriven(botId, 1)).block(WAIT)).hasMessageContaining("404");
    }
}
