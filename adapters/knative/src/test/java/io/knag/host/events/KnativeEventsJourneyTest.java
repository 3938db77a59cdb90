package io.knag.host.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.knag.host.HostDatabase;
import io.knag.host.HostTest;
import io.cloudevents.CloudEvent;
import io.cloudevents.http.HttpMessageFactory;
import io.cloudevents.jackson.JsonFormat;
import io.knag.cloudevents.EventSignatures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The knative host as a Knative workload: events leave through the broker named by {@code K_SINK} as
 * binary-mode CloudEvents over HTTP, and come back through a Trigger to its {@code /events} sink, where the
 * bot manager takes them. The journey register → login → credential → bot → start → RUNNING → stop, and the
 * sink's answers to bad events.
 */
@HostTest
class KnativeEventsJourneyTest {

    static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() { };
    static final String MARKER = "MARKER-" + UUID.randomUUID();
    static final TestBroker broker = new TestBroker();
    /** A test fixture: the deployment's events signing key (32 bytes). */
    static final String SIGNING_KEY = "dGVzdCBmaXh0dXJlOiBrbmFnIGV2ZW50cyBrZXkgMzI=";
    static final String OTHER_KEY = "YW5vdGhlciBkZXBsb3ltZW50J3Mga2V5LCAzMiBieXQ=";

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) throws Exception {
        HostDatabase.register(registry);
        var bots = Files.createTempDirectory("knag-knative-bots");
        registry.add("knag.runtime.local.directory", bots::toString);
        registry.add("K_SINK", broker::url);
        registry.add("knag.events.signing-key", () -> SIGNING_KEY);
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @LocalServerPort
    int port;
    @Autowired
    WebTestClient http;

    @BeforeEach
    void subscribe() {
        broker.subscriber = "http://127.0.0.1:" + port;
    }

    @Test
    void theBotJourneyRunsOnEventsThroughTheBroker() throws Exception {
        String token = token("knative@example.com");
        String credential = (String) send(HttpMethod.POST, "/api/v1/vault/credentials", token, Map.of("broker", "alpaca",
                "label", "main", "secrets", Map.of("keyId", "AK", "secretKey", MARKER)), 201).get("id");
        String bot = (String) send(HttpMethod.POST, "/api/v1/bots", token, Map.of("name", "hb", "image",
                "knag/heartbeat-bot", "credentialId", credential, "params", Map.of("intervalMillis", 100)), 201).get("id");
        send(HttpMethod.POST, "/api/v1/bots/" + bot + "/start", token, Map.of("password", "a long passphrase"), 202);
        await(() -> "RUNNING".equals(send(HttpMethod.GET, "/api/v1/bots/" + bot, token, null, 200).get("state")));
        send(HttpMethod.POST, "/api/v1/bots/" + bot + "/stop", token, null, 202);
        await(() -> "STOPPED".equals(send(HttpMethod.GET, "/api/v1/bots/" + bot, token, null, 200).get("state")));

        var types = broker.received.stream().filter(r -> bot.equals(r.headers().get("ce-subject")))
                .map(r -> r.headers().get("ce-type")).toList();
        assertThat(types).contains("io.knag.bot.start.requested", "io.knag.bot.stop.requested",
                "io.knag.bot.status.changed");
        assertThat(broker.received).allSatisfy(r -> {
            assertThat(r.headers()).containsKeys("ce-id", "ce-source", "ce-type", "ce-specversion", "ce-knagsignature");
            assertThat(r.headers().get("content-type")).startsWith("application/json");
            assertThat(r.body()).doesNotContain(MARKER);
            assertThat(r.subscriberStatus()).isEqualTo(202);
        });
    }

    @Test
    void theSharedJourneyRunsOverHttpAndCloudEvents() throws Exception {
        int[] seen = {broker.received.size()};
        var platform = new io.knag.http.journey.Transport() {
            @Override
            public io.knag.http.journey.Reply call(String method, String path, String bearer, String jsonBody) {
                var request = http.method(HttpMethod.valueOf(method)).uri(path);
                if (bearer != null) {
                    request.header(HttpHeaders.AUTHORIZATION, "Bearer " + bearer);
                }
                var ready = jsonBody == null ? request : request.contentType(MediaType.APPLICATION_JSON).bodyValue(jsonBody);
                var result = ready.exchange().expectBody(String.class).returnResult();
                MediaType type = result.getResponseHeaders().getContentType();
                return new io.knag.http.journey.Reply(result.getStatus().value(), type == null ? "" : type.toString(),
                        result.getResponseBody() == null ? "" : result.getResponseBody());
            }

            @Override
            public java.util.List<String> deliverEvents() {
                // The broker delivered each event to /events as it arrived; report what went through it.
                var delivered = broker.received.subList(seen[0], broker.received.size()).stream()
                        .map(r -> r.headers().get("ce-type")).toList();
                seen[0] = broker.received.size();
                return delivered;
            }
        };
        io.knag.http.journey.BotJourney.run(platform, "knag/heartbeat-bot");
    }

    @Test
    void theSinkRejectsWhatIsNotAPlatformEventAndAcceptsBothModes() {
        String id = UUID.randomUUID().toString();
        String stop = "{\"botId\":\"" + UUID.randomUUID() + "\",\"owner\":\"" + UUID.randomUUID()
                + "\",\"generation\":1,\"reason\":\"test\"}";
        post(signed(Map.of("ce-specversion", "1.0", "ce-id", id, "ce-source", "/x", "ce-type",
                "io.knag.bot.explode.requested"), "{}", SIGNING_KEY), "application/json", "{}").expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://knag.io/problems/event-rejected");
        post(Map.of("ce-specversion", "1.0", "ce-source", "/knag/bots", "ce-type", "io.knag.bot.stop.requested"),
                "application/json", stop).expectStatus().isBadRequest();
        post(signed(Map.of("ce-specversion", "1.0", "ce-id", id, "ce-source", "/knag/bots", "ce-type",
                "io.knag.bot.stop.requested"), "{\"botId\":\"DATA-MARKER\"}", SIGNING_KEY), "application/json",
                "{\"botId\":\"DATA-MARKER\"}").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").value(detail -> assertThat(detail.toString()).doesNotContain("DATA-MARKER"));
        post(Map.of(), "application/json", stop).expectStatus().isBadRequest();
        // A stop for a bot that does not exist: accepted (the manager logs and rejects it, changing nothing).
        post(signed(Map.of("ce-specversion", "1.0", "ce-id", id, "ce-source", "/knag/bots", "ce-type",
                "io.knag.bot.stop.requested"), stop, SIGNING_KEY), "application/json", stop).expectStatus().isAccepted();
        String structured = "{\"specversion\":\"1.0\",\"id\":\"" + UUID.randomUUID() + "\",\"source\":\"/knag/bots\","
                + "\"type\":\"io.knag.bot.stop.requested\",\"datacontenttype\":\"application/json\",\"data\":" + stop;
        CloudEvent parsed = new JsonFormat().deserialize((structured + "}").getBytes(StandardCharsets.UTF_8));
        post(Map.of(), "application/cloudevents+json", structured + ",\"knagsignature\":\""
                + EventSignatures.withKey(SIGNING_KEY).sign(parsed) + "\"}").expectStatus().isAccepted();
        post(Map.of(), "application/cloudevents+json", structured + "}").expectStatus().isUnauthorized();
    }

    @Test
    void anEventWithoutASignatureOfThisDeploymentsKeyIs401AndErasesNothing() {
        String token = token("forged-victim@example.com");
        http.post().uri("/api/v1/vault/credentials").header(HttpHeaders.AUTHORIZATION, token)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("broker", "alpaca", "label", "kept", "secrets", Map.of("keyId", "K", "secretKey", "S"))).exchange().expectStatus().isCreated();
        String userId = (String) send(HttpMethod.GET, "/api/v1/users/me", token, null, 200).get("id");
        String data = "{\"userId\":\"" + userId + "\",\"deletedAt\":\"" + java.time.Instant.now() + "\"}";
        Map<String, String> deleted = Map.of("ce-specversion", "1.0", "ce-id", UUID.randomUUID().toString(),
                "ce-source", "/knag/identity", "ce-type", "io.knag.user.deleted", "ce-subject", userId);

        post(deleted, "application/json", data).expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://knag.io/problems/event-not-signed");
        post(signed(deleted, data, OTHER_KEY), "application/json", data).expectStatus().isUnauthorized();
        Map<String, String> garbage = new java.util.HashMap<>(deleted);
        garbage.put("ce-knagsignature", "v1=not-base64!");
        post(garbage, "application/json", data).expectStatus().isUnauthorized();
        Map<String, String> other = signed(deleted, data.replace(userId, UUID.randomUUID().toString()), SIGNING_KEY);
        post(other, "application/json", data).expectStatus().isUnauthorized();
        Map<String, String> resourced = new java.util.HashMap<>(signed(deleted, data, SIGNING_KEY));
        resourced.put("ce-subject", UUID.randomUUID().toString());
        post(resourced, "application/json", data).expectStatus().isUnauthorized();
        Map<String, String> wrongSource = new java.util.HashMap<>(deleted);
        wrongSource.put("ce-source", "/knag/bots");
        post(signed(wrongSource, data, SIGNING_KEY), "application/json", data).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").value(detail -> assertThat(detail.toString()).contains("/knag/identity"));

        List<?> credentials = http.get().uri("/api/v1/vault/credentials").header(HttpHeaders.AUTHORIZATION, token)
                .exchange().expectStatus().isOk().expectBody(List.class).returnResult().getResponseBody();
        assertThat(credentials).as("no refused event erased the vault").hasSize(1);
    }

    /** {@code headers} with the signature, under {@code key}, of the binary-mode event they and {@code body} make. */
    private static Map<String, String> signed(Map<String, String> headers, String body, String key) {
        Map<String, List<String>> multi = new java.util.HashMap<>();
        headers.forEach((name, value) -> multi.put(name, List.of(value)));
        multi.put("content-type", List.of("application/json"));
        CloudEvent event = HttpMessageFactory.createReaderFromMultimap(multi, body.getBytes(StandardCharsets.UTF_8)).toEvent();
        Map<String, String> out = new java.util.HashMap<>(headers);
        out.put("ce-knagsignature", EventSignatures.withKey(key).sign(event));
        return out;
    }

    private WebTestClient.ResponseSpec post(Map<String, String> headers, String contentType, String body) {
        return http.post().uri("/events").headers(h -> headers.forEach(h::set))
                .header(HttpHeaders.CONTENT_TYPE, contentType).bodyValue(body).exchange();
    }

    private Map<String, Object> send(HttpMethod method, String path, String token, Object body, int status) {
        var request = http.method(method).uri(path).header(HttpHeaders.AUTHORIZATION, token);
        var ready = body == null ? request : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body);
        return ready.exchange().expectStatus().isEqualTo(status).expectBody(JSON).returnResult().getResponseBody();
    }

    private String token(String email) {
        http.post().uri("/api/v1/auth/register").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email, "password", "a long passphrase", "displayName", "K"))
                .exchange().expectStatus().isCreated();
        return "Bearer " + http.post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email, "password", "a long passphrase"))
                .exchange().expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody().get("accessToken");
    }

    static void await(Supplier<Boolean> condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.get()) {
            assertThat(System.nanoTime()).as("waited 30 s").isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
