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
import io.knag.vault.SecretsCodec;
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
 * password change, open again, delete, account deletion). The marker reaches the bot manager's envelope
 * (sealed) and nowhere else: no table, no log line, no HTTP response, no event.
 */
@HostTest
@Import(SecretLeakTest.RecordedEvents.class)
class SecretLeakTest {

    static final String MARKER = "MARKER-" + UUID.randomUUID();
    static TestDatabase database;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        database = HostDatabase.register(registry);
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

        LaunchEnvelope first = openForLaunch(userId, "first passphrase", credential);
        call("POST", "/api/v1/users/me/password", token,
                Map.of("currentPassword", "first passphrase", "newPassword", "second passphrase"));
        LaunchEnvelope second = openForLaunch(userId, "second passphrase", credential);
        assertThat(opened(second, userId, credential)).containsEntry("apiSecret", MARKER);
        assertThat(opened(first, userId, credential)).containsEntry("apiSecret", MARKER);

        String everyTableBefore = database.dump("identity") + database.dump("vault");
        call("DELETE", "/api/v1/vault/credentials/" + credential, token, null);
        call("DELETE", "/api/v1/users/me", token, Map.of("password", "second passphrase"));

        String hexMarker = HexFormat.of().formatHex(MARKER.getBytes(StandardCharsets.UTF_8));
        String everyTableAfter = database.dump("identity") + database.dump("vault");
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
