package io.knag.azure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.knag.azure.events.EventGridTopic;
import io.knag.http.journey.Reply;
import io.knag.http.journey.Transport;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The journey's platform on Azure: each HTTP call is an HttpTrigger invocation of {@link HttpApi}; the events the
 * functions published to the (loopback) Event Grid topic are delivered, one invocation each, to
 * {@link BotEventsGrid} as Event Grid's subscription would; AKS reports a Deployment available.
 */
final class AzureTransport implements Transport {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final FunctionsHost host;
    private int published;

    AzureTransport(FunctionsHost host) {
        this.host = host;
        this.published = host.topic.received.size();
    }

    @Override
    public Reply call(String method, String path, String bearer, String jsonBody) {
        var answer = invoke(method, path, bearer, jsonBody);
        String type = answer.getHeader("Content-Type");
        return new Reply(answer.getStatusCode(), type == null ? "" : type, answer.text());
    }

    /** Hands every event the topic accepted since the last call to the platformEvents function; answers their types. */
    @Override
    public List<String> deliverEvents() {
        int upTo = host.topic.received.size();
        List<EventGridTopic.Received> batches = host.topic.received.subList(published, upTo).stream()
                .filter(r -> r.status() == 200).toList();
        published = upTo;
        List<String> types = new ArrayList<>();
        for (EventGridTopic.Received batch : batches) {
            for (JsonNode event : parse(batch.body())) {
                host.botEvents.run(event.toString(), TestContext.of("platformEvents"));
                types.add(event.get("type").asText());
            }
        }
        return types;
    }

    @Override
    public void workloadIsUp(String botId) {
        var deployment = host.cluster.apps().deployments().inNamespace(FunctionsHost.NAMESPACE).withName("knag-bot-" + botId);
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (deployment.get() == null) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no Deployment for bot " + botId + " after 10 s");
            }
            pause();
        }
        deployment.editStatus(d -> {
            d.setStatus(new DeploymentStatusBuilder().withReplicas(1).withAvailableReplicas(1).withReadyReplicas(1)
                    .withUpdatedReplicas(1).build());
            return d;
        });
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The HttpTrigger's answer itself: status, headers and body as the worker returns them to the Functions host. */
    RecordedHttpRequest.Answer invoke(String method, String path, String bearer, String jsonBody) {
        return (RecordedHttpRequest.Answer) host.httpApi.run(RecordedHttpRequest.of(method, path, bearer, jsonBody),
                TestContext.of("httpApi"));
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
