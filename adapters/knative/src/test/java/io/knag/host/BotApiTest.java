package io.knag.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.knag.kernel.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The bots API over HTTP through the running host, with the local runtime and the real heartbeat bot: the
 * journey, every bad input, another user's bots, and the lifecycle's conflicts.
 */
@HostTest
class BotApiTest {

    static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() { };
    static final String PASSWORD = "a long passphrase";
    static TestDatabase database;
    static Path botFiles;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) throws Exception {
        database = HostDatabase.register(registry);
        botFiles = Files.createTempDirectory("knag-bots");
        registry.add("knag.runtime.local.directory", botFiles::toString);
        registry.add("knag.bots.max-running", () -> "2");
    }

    @Autowired
    WebTestClient http;

    static String alice;
    static String bob;
    static String aliceCredential;
    static String bobCredential;

    @BeforeEach
    void users() {
        if (alice == null) {
            alice = token("alice@example.com");
            bob = token("bob@example.com");
            aliceCredential = credential(alice);
            bobCredential = credential(bob);
        }
    }

    @Test
    void defineStartWatchStopAndDeleteAHeartbeatBot() throws Exception {
        Map<String, Object> bot = send(HttpMethod.POST, "/api/v1/bots", alice, Map.of("name", "Heartbeat",
                "image", "knag/heartbeat-bot:1", "credentialId", aliceCredential,
                "params", Map.of("intervalMillis", 200), "resources", Map.of("cpu", "250m", "memory", "64Mi")), 201);
        String id = (String) bot.get("id");
        assertThat(bot).containsEntry("state", "CREATED").containsEntry("kind", "CONTINUOUS")
                .containsEntry("resources", Map.of("cpu", "250m", "memory", "64Mi"))
                .containsEntry("restartPolicy", Map.of("mode", "on-failure", "maxRestarts", 5));

        assertThat(send(HttpMethod.POST, "/api/v1/bots/" + id + "/start", alice, Map.of("password", PASSWORD), 202))
                .containsEntry("state", "STARTING");
        await(() -> "RUNNING".equals(send(HttpMethod.GET, "/api/v1/bots/" + id, alice, null, 200).get("state")));
        await(() -> logsText(alice, id).contains("heartbeat bot=" + id + " credential="));
        String fingerprint = (String) send(HttpMethod.GET, "/api/v1/vault/credentials/" + aliceCredential, alice, null, 200)
                .get("fingerprint");
        assertThat(logsText(alice, id)).contains("credential=" + fingerprint);
        http.get().uri("/api/v1/bots/" + id + "/logs?tail=1").header(HttpHeaders.AUTHORIZATION, alice).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.lines.length()").isEqualTo(1)
                .jsonPath("$.state").isEqualTo("RUNNING");

        assertThat(send(HttpMethod.POST, "/api/v1/bots/" + id + "/stop", alice, null, 202)).containsEntry("state", "STOPPING");
        await(() -> "STOPPED".equals(send(HttpMethod.GET, "/api/v1/bots/" + id, alice, null, 200).get("state")));
        http.get().uri("/api/v1/bots/" + id + "/events").header(HttpHeaders.AUTHORIZATION, alice).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$[*].to")
                .isEqualTo(List.of("CREATED", "STARTING", "RUNNING", "STOPPING", "STOPPED"));
        assertThat(botFiles.resolve(id).resolve("credentials.json")).doesNotExist();

        http.delete().uri("/api/v1/bots/" + id).header(HttpHeaders.AUTHORIZATION, alice).exchange()
                .expectStatus().isNoContent();
        send(HttpMethod.GET, "/api/v1/bots/" + id, alice, null, 404);
    }

    @Test
    void theLifecycleRefusesWhatDoesNotFitTheState() throws Exception {
        String id = bot(alice, aliceCredential);
        problem(HttpMethod.POST, "/api/v1/bots/" + id + "/stop", alice, null, 409, "bot-not-running");
        problem(HttpMethod.POST, "/api/v1/bots/" + id + "/start", alice, Map.of("password", "not the passphrase"), 403,
                "wrong-password");
        assertThat(send(HttpMethod.GET, "/api/v1/bots/" + id, alice, null, 200)).containsEntry("state", "CREATED");
        send(HttpMethod.POST, "/api/v1/bots/" + id + "/start", alice, Map.of("password", PASSWORD), 202);
        await(() -> "RUNNING".equals(send(HttpMethod.GET, "/api/v1/bots/" + id, alice, null, 200).get("state")));
        problem(HttpMethod.POST, "/api/v1/bots/" + id + "/start", alice, Map.of("password", PASSWORD), 409, "bot-not-stopped");
        problem(HttpMethod.PATCH, "/api/v1/bots/" + id, alice, Map.of("name", "renamed"), 409, "bot-not-stopped");
        http.get().uri("/api/v1/bots/" + id + "/logs?tail=2").header(HttpHeaders.AUTHORIZATION, alice)
                .accept(MediaType.TEXT_PLAIN).exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_PLAIN);

        http.delete().uri("/api/v1/bots/" + id).header(HttpHeaders.AUTHORIZATION, alice).exchange()
                .expectStatus().isAccepted();
        await(() -> http.get().uri("/api/v1/bots/" + id).header(HttpHeaders.AUTHORIZATION, alice).exchange()
                .returnResult(String.class).getStatus().value() == 404);
        assertThat(botFiles.resolve(id).resolve("credentials.json")).doesNotExist();
    }

    @Test
    void runningMoreBotsThanTheQuotaAllowsIsRefusedBeforeAnythingStarts() throws Exception {
        String token = token("quota@example.com");
        String credential = credential(token);
        List<String> ids = List.of(bot(token, credential), bot(token, credential), bot(token, credential));
        send(HttpMethod.POST, "/api/v1/bots/" + ids.get(0) + "/start", token, Map.of("password", PASSWORD), 202);
        send(HttpMethod.POST, "/api/v1/bots/" + ids.get(1) + "/start", token, Map.of("password", PASSWORD), 202);
        problem(HttpMethod.POST, "/api/v1/bots/" + ids.get(2) + "/start", token, Map.of("password", PASSWORD), 409,
                "quota-exceeded");
        assertThat(send(HttpMethod.GET, "/api/v1/bots/" + ids.get(2), token, null, 200)).containsEntry("state", "CREATED");
        for (String id : ids.subList(0, 2)) {
            await(() -> "RUNNING".equals(send(HttpMethod.GET, "/api/v1/bots/" + id, token, null, 200).get("state")));
            send(HttpMethod.POST, "/api/v1/bots/" + id + "/stop", token, null, 202);
        }
    }

    @Test
    void anotherUsersBotIsNotFoundAndUntouched() {
        String id = bot(alice, aliceCredential);
        String before = database.dump("bots");
        problem(HttpMethod.GET, "/api/v1/bots/" + id, bob, null, 404, "not-found");
        problem(HttpMethod.PATCH, "/api/v1/bots/" + id, bob, Map.of("name", "mine now"), 404, "not-found");
        problem(HttpMethod.DELETE, "/api/v1/bots/" + id, bob, null, 404, "not-found");
        problem(HttpMethod.POST, "/api/v1/bots/" + id + "/start", bob, Map.of("password", PASSWORD), 404, "not-found");
        problem(HttpMethod.POST, "/api/v1/bots/" + id + "/stop", bob, null, 404, "not-found");
        problem(HttpMethod.GET, "/api/v1/bots/" + id + "/logs", bob, null, 404, "not-found");
        problem(HttpMethod.GET, "/api/v1/bots/" + id + "/events", bob, null, 404, "not-found");
        http.get().uri("/api/v1/bots").header(HttpHeaders.AUTHORIZATION, bob).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$[?(@.id == '" + id + "')]").isEmpty();
        problem(HttpMethod.POST, "/api/v1/bots", bob, Map.of("name", "x", "image", "knag/heartbeat-bot",
                "credentialId", aliceCredential), 400, "unknown-credential");
        assertThat(database.dump("bots")).isEqualTo(before);
    }

    @Test
    void everyBotEndpointNeedsAToken() {
        String id = "/api/v1/bots/00000000-0000-0000-0000-000000000000";
        for (String[] call : new String[][] {{"GET", "/api/v1/bots"}, {"POST", "/api/v1/bots"}, {"GET", id},
                {"PATCH", id}, {"DELETE", id}, {"POST", id + "/start"}, {"POST", id + "/stop"}, {"GET", id + "/logs"},
                {"GET", id + "/events"}}) {
            http.method(HttpMethod.valueOf(call[0])).uri(call[1]).contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                    .exchange().expectStatus().isUnauthorized();
        }
    }

    @Test
    void badPathsAndQueriesAreClearErrors() {
        String id = bot(alice, aliceCredential);
        problem(HttpMethod.GET, "/api/v1/bots/not-a-uuid", alice, null, 404, "not-found");
        problem(HttpMethod.GET, "/api/v1/bots/" + id + "/logs?tail=abc", alice, null, 400, "tail-out-of-range");
        problem(HttpMethod.GET, "/api/v1/bots/" + id + "/logs?tail=0", alice, null, 400, "tail-out-of-range");
        problem(HttpMethod.GET, "/api/v1/bots/" + id + "/logs?tail=100000", alice, null, 400, "tail-out-of-range");
        problem(HttpMethod.POST, "/api/v1/bots/" + id + "/start", alice, Map.of(), 400, "validation-failed");
        problem(HttpMethod.POST, "/api/v1/bots/" + id + "/start", alice, Map.of("password", 12345678), 400,
                "malformed-request");
    }

    /** A bot whose restart policy's maxRestarts is the format argument (then the credential, as %s). */
    static final String RESTARTS = "{\"name\":\"b\",\"credentialId\":\"%%s\",\"image\":\"knag/heartbeat-bot\","
            + "\"restartPolicy\":{\"mode\":\"on-failure\",\"maxRestarts\":%s}}";

    @Test
    void aWholeNumberIsAcceptedWhereTheFractionsAndTextOfBadBotsAreNot() {
        http.post().uri("/api/v1/bots").header(HttpHeaders.AUTHORIZATION, alice).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(RESTARTS.formatted("3").replace("%s", aliceCredential)).exchange()
                .expectStatus().isCreated().expectBody().jsonPath("$.restartPolicy.maxRestarts").isEqualTo(3);
    }

    static Stream<Arguments> badBots() {
        String ok = "\"name\":\"b\",\"credentialId\":\"%s\"";
        String restarts = RESTARTS;
        return Stream.of(
                Arguments.of("{" + ok + ",\"image\":\"docker.io/library/alpine\"}", 400, "image-not-allowed"),
                Arguments.of("{" + ok + ",\"image\":\"knag/heartbeat-bot-evil\"}", 400, "image-not-allowed"),
                Arguments.of("{" + ok + ",\"image\":\"KNAG/../x\"}", 400, "validation-failed"),
                Arguments.of("{\"name\":\"b\",\"image\":\"knag/heartbeat-bot\"}", 400, "validation-failed"),
                Arguments.of("{\"name\":\"b\",\"image\":\"knag/heartbeat-bot\",\"credentialId\":\"00000000-0000-0000-0000-"
                        + "000000000000\"}", 400, "unknown-credential"),
                Arguments.of("{\"name\":\"b\",\"image\":\"knag/heartbeat-bot\",\"credentialId\":\"nope\"}", 400,
                        "malformed-request"),
                Arguments.of("{" + ok + ",\"image\":\"knag/heartbeat-bot\",\"params\":{\"blob\":\"" + "x".repeat(17_000)
                        + "\"}}", 400, "params-too-large"),
                Arguments.of("{" + ok + ",\"image\":\"knag/heartbeat-bot\",\"params\":[1,2]}", 400, "malformed-request"),
                Arguments.of("{" + ok + ",\"image\":\"knag/heartbeat-bot\",\"resources\":{\"cpu\":\"64\"}}", 400,
                        "validation-failed"),
                Arguments.of("{" + ok + ",\"image\":\"knag/heartbeat-bot\",\"resources\":{\"memory\":\"1TB\"}}", 400,
                        "validation-failed"),
                Arguments.of("{" + ok + ",\"image\":\"knag/heartbeat-bot\",\"resources\":{\"cpu\":0.5}}", 400,
                        "malformed-request"),
                Arguments.of("{" + ok + ",\"image\":\"knag/heartbeat-bot\",\"restartPolicy\":{\"mode\":\"sometimes\"}}", 400,
                        "validation-failed"),
                Arguments.of("{" + ok + ",\"image\":\"knag/heartbeat-bot\",\"kind\":\"SOMETIMES\"}", 400,
                        "malformed-request"),
                Arguments.of("{" + ok + ",\"image\":\"knag/heartbeat-bot\",\"owner\":\"someone-else\"}", 400,
                        "malformed-request"),
                Arguments.of("{" + ok + ",\"image\":\"knag/heartbeat-bot\",\"name\":\"twice\"}", 400, "malformed-request"),
                Arguments.of("{\"name\":\"" + "n".repeat(81) + "\",\"image\":\"knag/heartbeat-bot\",\"credentialId\":\"%s\"}",
                        400, "validation-failed"),
                Arguments.of("{\"name\":", 400, "malformed-request"),
                // Whole numbers are whole numbers: never truncated, parsed from text or taken from a boolean.
                Arguments.of(restarts.formatted("1.5"), 400, "malformed-request"),
                Arguments.of(restarts.formatted("5.99"), 400, "malformed-request"),
                Arguments.of(restarts.formatted("5.0"), 400, "malformed-request"),
                Arguments.of(restarts.formatted("1e1"), 400, "malformed-request"),
                Arguments.of(restarts.formatted("\"5\""), 400, "malformed-request"),
                Arguments.of(restarts.formatted("true"), 400, "malformed-request"),
                Arguments.of(restarts.formatted("99999999999"), 400, "malformed-request"),
                // Text is well-formed Unicode, and a name others see cannot reorder itself.
                Arguments.of("{\"name\":\"b\\ud800\",\"image\":\"knag/heartbeat-bot\",\"credentialId\":\"%s\"}", 400,
                        "validation-failed"),
                Arguments.of("{\"name\":\"grid\\u202egnp.exe\",\"image\":\"knag/heartbeat-bot\",\"credentialId\":\"%s\"}",
                        400, "validation-failed"),
                Arguments.of("{" + ok + ",\"image\":\"knag/heartbeat-bot\",\"params\":{\"pair\":\"BTC\\udc00\"}}", 400,
                        "validation-failed"));
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @MethodSource("badBots")
    void badBotDefinitionsAreRefusedAndNothingIsStored(String body, int status, String type) {
        String before = database.dump("bots");
        http.post().uri("/api/v1/bots").header(HttpHeaders.AUTHORIZATION, alice).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body.replace("%s", aliceCredential)).exchange()
                .expectStatus().isEqualTo(status)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://knag.io/problems/" + type);
        assertThat(database.dump("bots")).isEqualTo(before);
    }

    private String bot(String token, String credential) {
        return (String) send(HttpMethod.POST, "/api/v1/bots", token, Map.of("name", "b", "image", "knag/heartbeat-bot",
                "credentialId", credential, "resources", Map.of("cpu", "100m", "memory", "32Mi")), 201).get("id");
    }

    private String logsText(String token, String id) {
        return http.get().uri("/api/v1/bots/" + id + "/logs?tail=20").header(HttpHeaders.AUTHORIZATION, token)
                .accept(MediaType.TEXT_PLAIN).exchange().expectStatus().isOk().expectBody(String.class)
                .returnResult().getResponseBody();
    }

    private Map<String, Object> send(HttpMethod method, String path, String token, Object body, int status) {
        WebTestClient.RequestBodySpec request = http.method(method).uri(path).header(HttpHeaders.AUTHORIZATION, token);
        WebTestClient.RequestHeadersSpec<?> ready = body == null ? request
                : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body);
        return ready.exchange().expectStatus().isEqualTo(status).expectBody(JSON).returnResult().getResponseBody();
    }

    private void problem(HttpMethod method, String path, String token, Object body, int status, String type) {
        WebTestClient.RequestBodySpec request = http.method(method).uri(path).header(HttpHeaders.AUTHORIZATION, token);
        WebTestClient.RequestHeadersSpec<?> ready = body == null ? request
                : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body);
        ready.exchange().expectStatus().isEqualTo(status).expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://knag.io/problems/" + type);
    }

    static void await(Supplier<Boolean> condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.get()) {
            assertThat(System.nanoTime()).as("waited 30 s").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private String credential(String token) {
        return (String) send(HttpMethod.POST, "/api/v1/vault/credentials", token, Map.of("broker", "alpaca", "label", "alpaca",
                "secrets", Map.of("keyId", "PK-1", "secretKey", "SK-1")), 201).get("id");
    }

    private String token(String email) {
        http.post().uri("/api/v1/auth/register").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email, "password", PASSWORD, "displayName", "X"))
                .exchange().expectStatus().isCreated();
        return "Bearer " + http.post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email, "password", PASSWORD))
                .exchange().expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody().get("accessToken");
    }
}
