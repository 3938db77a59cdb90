package io.knag.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.knag.http.journey.BotJourney;
import io.knag.http.journey.Reply;
import io.knag.http.journey.Transport;
import io.knag.kernel.testing.TestDatabase;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.function.adapter.aws.FunctionInvoker;

/**
 * The functions on Lambda, invoked as the Lambda runtime invokes them: Spring Cloud Function's generic
 * {@link FunctionInvoker} with the function chosen by configuration, fed the recorded API Gateway HTTP API
 * (payload 2.0) and EventBridge event JSON of src/test/resources/events/. Two "Lambdas" (httpApi, platformEvents)
 * share one real PostgreSQL; events go out through PutEvents (to a loopback stand-in for EventBridge) and come
 * back as EventBridge events; the bots are provisioned on a Kubernetes API server (fabric8's mock).
 */
class AwsLambdaJourneyTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static FakeEventBridge eventBridge;
    static KubernetesMockServer kubernetes;
    static KubernetesClient cluster;
    static FunctionInvoker httpApi;
    static FunctionInvoker botEvents;
    static int delivered;

    @BeforeAll
    static void deploy() {
        TestDatabase database = TestDatabase.create();
        eventBridge = new FakeEventBridge();
        kubernetes = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
                new KubernetesCrudDispatcher(), false);
        kubernetes.init(InetAddress.getLoopbackAddress(), 0);
        cluster = kubernetes.createClient();
        System.setProperty("MAIN_CLASS", KnagLambda.class.getName());
        System.setProperty("knag.database.url", database.r2dbcUrl());
        System.setProperty("knag.database.username", "postgres");
        System.setProperty("knag.database.password", "");
        System.setProperty("knag.identity.key-encryption-key", Base64.getEncoder().encodeToString(new byte[32]));
        System.setProperty("knag.identity.argon2.memory-kib", "1024");
        System.setProperty("knag.identity.argon2.iterations", "1");
        // Both Lambdas must share the bot manager's key: one seals the launch envelope, the other opens it.
        System.setProperty("knag.bots.manager-private-key", Base64.getEncoder().encodeToString(
                "test-only bot manager key 32 by!".getBytes(StandardCharsets.US_ASCII)));
        System.setProperty("knag.events.event-bridge.bus", "knag");
        System.setProperty("knag.events.event-bridge.endpoint", eventBridge.url());
        System.setProperty("aws.region", "eu-west-1");
        System.setProperty("aws.accessKeyId", "AKIDEXAMPLE");
        System.setProperty("aws.secretAccessKey", "test-only-not-a-secret");
        System.setProperty("kubernetes.master", "http://127.0.0.1:" + kubernetes.getPort());
        System.setProperty("kubernetes.auth.tryKubeConfig", "false");
        System.setProperty("kubernetes.auth.tryServiceAccount", "false");
        System.setProperty("kubernetes.namespace", "knag-bots");
        System.setProperty("http2.disable", "true");
        httpApi = new FunctionInvoker("httpApi");
        botEvents = new FunctionInvoker("platformEvents");
    }

    @AfterAll
    static void tearDown() {
        eventBridge.close();
        kubernetes.destroy();
    }

    @Test
    void theSharedJourneyRunsThroughApiGatewayAndEventBridge() throws Exception {
        var logs = new ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent>();
        logs.start();
        var root = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(logs);
        List<String> emitted;
        try {
            emitted = BotJourney.run(new LambdaTransport(), "knag/heartbeat-bot");
        } finally {
            root.detachAppender(logs);
        }
        assertThat(logs.list).isNotEmpty().allSatisfy(line -> assertThat(line.getFormattedMessage())
                .doesNotContain("PK-JOURNEY").doesNotContain("journey passphrase").doesNotContain("\"body\""));
        assertThat(emitted).contains("io.knag.bot.start.requested");
        assertThat(eventBridge.targets).allMatch("AWSEvents.PutEvents"::equals);
        assertThat(eventBridge.entries).allSatisfy(entry -> {
            assertThat(entry.path("EventBusName").asText()).isEqualTo("knag");
            assertThat(entry.path("Source").asText()).startsWith("/knag/");
            JsonNode detail = JSON.readTree(entry.path("Detail").asText());
            assertThat(detail.path("specversion").asText()).isEqualTo("1.0");
            assertThat(detail.path("type").asText()).isEqualTo(entry.path("DetailType").asText());
            assertThat(entry.path("Detail").asText()).doesNotContain("PK-JOURNEY");
        });
    }

    @Test
    void aQueryStringThatIsNotAValidUriGetsAProblemNotA500() throws Exception {
        ObjectNode event = (ObjectNode) JSON.readTree(resource("apigw-v2-request.json"));
        event.put("rawQueryString", "tail=1|2 {x}");
        JsonNode answer = invoke(httpApi, event.toString());
        assertThat(answer.path("statusCode").asInt()).isEqualTo(400);
        assertThat(answer.path("body").asText()).contains("https://knag.io/problems/malformed-request");
    }

    @Test
    void aRequestThatIsNotAnApiGatewayPayloadGetsAProblemNotAStackTrace() throws Exception {
        JsonNode answer = invoke(httpApi, "{\"hello\":\"world\"}");
        assertThat(answer.path("statusCode").asInt()).isEqualTo(400);
        assertThat(answer.path("body").asText()).contains("https://knag.io/problems/malformed-request")
                .doesNotContain("Exception");
    }

    @Test
    void eventBridgeEventsThatAreNotPlatformEventsFailTheInvocationWithTheirReasonAndChangeNothing() throws Exception {
        for (String file : List.of("eventbridge-unknown-type.json", "eventbridge-missing-id.json",
                "eventbridge-type-mismatch.json")) {
            assertThatThrownBy(() -> invoke(botEvents, resource(file))).as(file)
                    .satisfies(e -> assertThat(String.valueOf(e.getMessage()) + e.getCause()).doesNotContain("DATA-MARKER"));
        }
        assertThatThrownBy(() -> invoke(botEvents, "{\"detail-type\":\"io.knag.bot.stop.requested\"}")).isNotNull();
        assertThat(cluster.apps().deployments().inNamespace("knag-bots").list().getItems())
                .noneMatch(d -> d.getMetadata().getName().contains("01a210d6-be32-7f52-8ec0-9e61e446f7a0"));
    }

    @Test
    void aRecordedStopForABotThatDoesNotExistIsAcceptedAndChangesNothing() throws Exception {
        ObjectNode event = (ObjectNode) JSON.readTree(resource("eventbridge-event.json"));
        ((ObjectNode) event.path("detail")).put("id", UUID.randomUUID().toString());
        assertThat(invokeText(botEvents, event.toString())).contains("accepted");
    }

    @Test
    void aScheduledInvocationReconcilesTheBots() throws Exception {
        var reconcile = new FunctionInvoker("reconcileBots");
        String scheduled = "{\"version\":\"0\",\"id\":\"" + UUID.randomUUID() + "\",\"detail-type\":\"Scheduled Event\","
                + "\"source\":\"aws.scheduler\",\"account\":\"123456789012\",\"time\":\"2026-11-25T04:00:00Z\","
                + "\"region\":\"eu-west-1\",\"resources\":[],\"detail\":{}}";
        assertThat(invokeText(reconcile, scheduled)).contains("reconciled");
    }

    /** Drives the two Lambdas as API Gateway and an EventBridge rule would. */
    final class LambdaTransport implements Transport {

        @Override
        public Reply call(String method, String path, String bearer, String jsonBody) {
            try {
                ObjectNode event = (ObjectNode) JSON.readTree(resource("apigw-v2-request.json"));
                event.put("rawPath", path);
                ((ObjectNode) event.path("requestContext").path("http")).put("method", method).put("path", path);
                ObjectNode headers = (ObjectNode) event.path("headers");
                if (bearer != null) {
                    headers.put("authorization", "Bearer " + bearer);
                }
                if (jsonBody != null) {
                    event.put("body", jsonBody);
                    headers.put("content-length", Integer.toString(jsonBody.getBytes(StandardCharsets.UTF_8).length));
                } else {
                    headers.remove("content-type");
                }
                JsonNode answer = invoke(httpApi, event.toString());
                String type = answer.path("headers").path("Content-Type").asText("");
                return new Reply(answer.path("statusCode").asInt(), type, answer.path("body").asText(""));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public List<String> deliverEvents() {
            List<String> types = new ArrayList<>();
            try {
                while (delivered < eventBridge.entries.size()) {
                    JsonNode entry = eventBridge.entries.get(delivered++);
                    ObjectNode event = (ObjectNode) JSON.readTree(resource("eventbridge-event.json"));
                    event.put("id", UUID.randomUUID().toString());
                    event.put("detail-type", entry.path("DetailType").asText());
                    event.put("source", entry.path("Source").asText());
                    event.set("detail", JSON.readTree(entry.path("Detail").asText()));
                    invokeText(botEvents, event.toString());
                    types.add(entry.path("DetailType").asText());
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return types;
        }

        @Override
        public void workloadIsUp(String botId) {
            String name = "knag-bot-" + botId;
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (cluster.apps().deployments().inNamespace("knag-bots").withName(name).get() == null) {
                assertThat(System.nanoTime()).as("the bot's Deployment within 10 s").isLessThan(deadline);
                Thread.onSpinWait();
            }
            cluster.apps().deployments().inNamespace("knag-bots").withName(name).editStatus(d -> {
                d.setStatus(new io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder().withReplicas(1)
                        .withReadyReplicas(1).withAvailableReplicas(1).withUpdatedReplicas(1).build());
                return d;
            });
        }
    }

    static String resource(String name) throws Exception {
        try (InputStream in = AwsLambdaJourneyTest.class.getResourceAsStream("/events/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static JsonNode invoke(FunctionInvoker lambda, String event) throws Exception {
        return JSON.readTree(invokeText(lambda, event));
    }

    static String invokeText(FunctionInvoker lambda, String event) throws Exception {
        var out = new ByteArrayOutputStream();
        lambda.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, null);
        return out.toString(StandardCharsets.UTF_8);
    }
}
