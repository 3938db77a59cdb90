package io.knag.azure;

import static org.assertj.core.api.Assertions.assertThat;

import io.knag.http.journey.BotJourney;
import org.junit.jupiter.api.Test;

/**
 * The journey every hosting adapter carries, on Azure: HTTP through the httpApi function, the bot manager's
 * events out to Event Grid and back through the platformEvents function, the bot on AKS.
 */
class AzureJourneyTest {

    final FunctionsHost host = FunctionsHost.get();

    @Test
    void theSharedJourneyRunsThroughTheHttpTriggerAndEventGrid() throws Exception {
        int before = host.topic.received.size();

        var emitted = BotJourney.run(new AzureTransport(host), "knag/heartbeat-bot");

        assertThat(emitted).contains("io.knag.bot.start.requested", "io.knag.bot.stop.requested");
        var published = host.topic.received.subList(before, host.topic.received.size());
        assertThat(published).isNotEmpty().allSatisfy(request -> {
            assertThat(request.headers()).containsEntry("aeg-sas-key", FunctionsHost.TOPIC_KEY);
            assertThat(request.headers().get("content-type")).startsWith("application/cloudevents-batch+json")
                    .containsIgnoringCase("charset=utf-8");
            assertThat(AzureTransport.parse(request.body()).isArray()).isTrue();
            assertThat(request.body()).doesNotContain("PK-JOURNEY");
        });
        // Stopped: the bot's Deployment and Secret are gone from AKS.
        assertThat(host.cluster.apps().deployments().inNamespace(FunctionsHost.NAMESPACE).list().getItems()).isEmpty();
        assertThat(host.cluster.secrets().inNamespace(FunctionsHost.NAMESPACE).list().getItems()).isEmpty();
    }
}
