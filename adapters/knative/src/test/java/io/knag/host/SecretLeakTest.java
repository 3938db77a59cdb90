package io.knag.host;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.knag.kernel.UserId;
import io.knag.kernel.crypto.HpkeBox;
import io.knag.kernel.events.Event;
import io.knag.kernel.events.EventConsumer;
import io.knag.kernel.testing.TestDatabase;
import io.knag.vault.LaunchEnvelope;
import io.knag.vault.OpenForLaunch;
import io.knag.vault.domain.SecretsCodec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.cloud.function.context.FunctionCatalog;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;

/**
 * A credential whose secret is a unique marker goes through the whole journey (add, list, open for launch,
 * a bot launched with it, password change, open again, delete, account deletion). The marker reaches the bot's
 * credentials file while it runs, the bot manager's envelope (sealed), and nowhere else: no table, no other
 * file, no log line, no bot output, no HTTP response, no event.
 */
@HostTest
@Import(SecretLeakTest.RecordedEvents.class)
class SecretLeakTest {

    static final String MARKER = "MARKER-" + UUID.randomUUID();
    static TestDatabase database;

    static java.nio.file.Path bots;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws java.io.IOException {
        database = HostDatabase.register(registry);
        bots = java.nio.file.Files.createTempDirectory("knag-leak-bots");
        registry.add("knag.runtime.local.directory", bots::toString);
    }

    @Autowired
    WebTestClient http;
    @Autowired
    FunctionCatalog functions;
    @Autowired
    List<Event> events;
    @Autowired
    ObjectMapper json;

    final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    final List<String> responses = new ArrayList<>();
    final byte[][] botManager = HpkeBox.standard().generateKeyPair();

    @BeforeEach
    void captureLogs() {
        logs.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(logs);
    }

    @AfterEach
    void stopCapturing() {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(logs);
    }

    @Test
    void theMarkerSecretReachesOnlyTheSealedEnvelope() throws Exception {
        String userId = (String) call("POST", "/api/v1/auth/register", null,
                Map.of("email", "leak@example.com", "password", "first passphrase", "displayName", "Leak")).get("id");
        String token = "Bearer " + call("POST", "/api/v1/auth/login", null,
                Map.of("email", "leak@example.com", "password", "first passphrase")).get("accessToken");
        String credential = (String) call("POST", "/api/v1/vault/credentials", token, Map.of("broker", "binance",
                "label", "main", "secrets", Map.of("apiKey", "public-part", "apiSecret", MARKER))).get("id");
        call("GET", "/api/v1/vault/credentials", token, null);
        call("GET", "/api/v1/vault/credentials/" + credential, token, null);
        launchAndStopABot(token, credential);

        LaunchEnvelope first = openForLaunch(userId, "first passphrase", credential);
        call("POST", "/api/v1/users/me/password", token,
                Map.of("currentPassword", "first passphrase", "newPassword", "second passphrase"));
        LaunchEnvelope second = openForLaunch(userId, "second passphrase", credential);
        assertThat(opened(second, userId, credential)).containsEntry("apiSecret", MARKER);
        assertThat(opened(first, userId, credential)).containsEntry("apiSecret", MARKER);

        String everyTableBefore = database.dump("identity") + database.dump("vault") + database.dump("bots");
        call("DELETE", "/api/v1/vault/credentials/" + credential, token, null);
        call("DELETE", "/api/v1/users/me", token, Map.of("password", "second passphrase"));

        String hexMarker = HexFormat.of().formatHex(MARKER.getBytes(StandardCharsets.UTF_8));
        String everyTableAfter = database.dump("identity") + database.dump("vault") + database.dump("bots");
        for (String text : List.of(everyTableBefore, everyTableAfter)) {
            assertThat(text).doesNotContain(MARKER).doesNotContainIgnoringCase(hexMarker);
        }
        assertThat(logs.list).isNotEmpty().allSatisfy(line -> {
            assertThat(line.getFormattedMessage()).doesNotContain(MARKER);
            assertThat(String.valueOf(line.getThrowableProxy() == null ? "" : line.getThrowableProxy().getMessage()))
                    .doesNotContain(MARKER);
        });
        assertThat(responses).isNotEmpty().allSatisfy(body -> assertThat(body).doesNotContain(MARKER));
        assertThat(events).isNotEmpty().allSatisfy(event -> assertThat(json.writeValueAsString(event)).doesNotContain(MARKER));
        for (LaunchEnvelope envelope : List.of(first, second)) {
            assertThat(json.writeValueAsString(envelope)).doesNotContain(MARKER).doesNotContain(hexMarker)
                    .doesNotContain(Base64.getEncoder().encodeToString(MARKER.getBytes(StandardCharsets.UTF_8)));
        }
    }

    /**
     * Through a real launch: the marker is in the bot's credentials file while it runs (and in no other file
     * of the runtime, nor in the bot's output), and the file is gone once the bot stopped.
     */
    private void launchAndStopABot(String token, String credential) throws Exception {
        String bot = (String) call("POST", "/api/v1/bots", token, Map.of("name", "leaky", "image", "knag/heartbeat-bot",
                "credentialId", credential, "params", Map.of("intervalMillis", 100))).get("id");
        call("POST", "/api/v1/bots/" + bot + "/start", token, Map.of("password", "first passphrase"));
        java.nio.file.Path file = bots.resolve(bot).resolve("credentials.json");
        await(() -> "RUNNING".equals(call("GET", "/api/v1/bots/" + bot, token, null).get("state")));
        await(() -> String.valueOf(call("GET", "/api/v1/bots/" + bot + "/logs?tail=5", token, null).get("lines"))
                .contains("beat=2"));
        assertThat(java.nio.file.Files.readString(file)).contains(MARKER);
        try (var files = java.nio.file.Files.walk(bots)) {
            for (java.nio.file.Path other : files.filter(java.nio.file.Files::isRegularFile).filter(f -> !f.equals(file))
                    .toList()) {
                assertThat(java.nio.file.Files.readString(other)).as(other.toString()).doesNotContain(MARKER);
            }
        }
        call("POST", "/api/v1/bots/" + bot + "/stop", token, null);
        await(() -> "STOPPED".equals(call("GET", "/api/v1/bots/" + bot, token, null).get("state")));
        assertThat(file).doesNotExist();
        call("GET", "/api/v1/bots/" + bot + "/events", token, null);
    }

    interface Check {
        boolean holds() throws Exception;
    }

    static void await(Check check) throws Exception {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        while (!check.holds()) {
            assertThat(System.nanoTime()).as("waited 30 s").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    @SuppressWarnings("unchecked")
    private LaunchEnvelope openForLaunch(String userId, String password, String credential) {
        // Looked up by name in the catalog, and called the way the HTTP routes call functions.
        org.springframework.cloud.function.context.catalog.SimpleFunctionRegistry.FunctionInvocationWrapper wrapper =
                functions.lookup("openForLaunch");
        var target = (Function<OpenForLaunch, Mono<LaunchEnvelope>>) wrapper.getTarget();
        return target.apply(new OpenForLaunch(UserId.of(userId), password, UUID.fromString(credential), UUID.randomUUID(),
                botManager[1])).block();
    }

    private Map<String, String> opened(LaunchEnvelope envelope, String userId, String credential) {
        return SecretsCodec.decode(HpkeBox.standard().open(botManager[0],
                Base64.getDecoder().decode(envelope.encapsulatedKey()), Base64.getDecoder().decode(envelope.ciphertext()),
                LaunchEnvelope.INFO.getBytes(StandardCharsets.US_ASCII),
                LaunchEnvelope.associatedData(UUID.fromString(userId), envelope.botId(), UUID.fromString(credential))
                        .getBytes(StandardCharsets.US_ASCII)));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> call(String method, String path, String token, Object body) throws Exception {
        WebTestClient.RequestBodySpec request = http.method(org.springframework.http.HttpMethod.valueOf(method)).uri(path);
        if (token != null) {
            request.header(HttpHeaders.AUTHORIZATION, token);
        }
        WebTestClient.RequestHeadersSpec<?> ready = body == null ? request
                : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body);
        var result = ready.exchange().expectStatus().is2xxSuccessful().expectBody(String.class).returnResult();
        String text = result.getResponseBody() == null ? "" : result.getResponseBody();
        responses.add(result.getResponseHeaders() + text);
        return text.isEmpty() ? Map.of() : text.startsWith("{") ? json.readValue(text, Map.class) : Map.of();
    }

    /** Records every event the host publishes. */
    @TestConfiguration
    static class RecordedEvents {

        @Bean
        List<Event> recordedEvents() {
            return new CopyOnWriteArrayList<>();
        }

        @Bean
        EventConsumer recordingConsumer(List<Event> recordedEvents) {
            return new EventConsumer() {
                @Override
                public boolean accepts(String type) {
                    return true;
                }

                @Override
                public Mono<Void> consume(Event event) {
                    return Mono.fromRunnable(() -> recordedEvents.add(event));
                }
            };
        }
    }
}
