package io.knag.host.paper;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.knag.host.HostDatabase;
import io.knag.host.HostTest;
import io.knag.kernel.events.Event;
import io.knag.kernel.events.EventConsumer;
import io.knag.kernel.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;

/**
 * The paper API secret and a bot's report token through a whole trading journey (account made, key in the vault,
 * the reference bot trading and reporting, stopped): after the stop neither is in any table, file, log line,
 * bot output, HTTP answer (but the one that made the account) or event.
 */
@HostTest
@Import(PaperSecretLeakTest.RecordedEvents.class)
class PaperSecretLeakTest {

    static TestDatabase database;
    static Path botFiles;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) throws Exception {
        database = HostDatabase.register(registry);
        botFiles = Files.createTempDirectory("knag-paper-leak");
        registry.add("knag.runtime.local.directory", botFiles::toString);
    }

    @Autowired
    WebTestClient http;
    @Autowired
    List<Event> events;

    final ObjectMapper json = new ObjectMapper().findAndRegisterModules();
    final List<String> answers = new ArrayList<>();

    @Test
    void theApiSecretAndTheReportTokenAreNowhereAfterTheStop() throws Exception {
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(logs);
        try {
            String user = PaperUsers.bearer(http, "leak@example.com");
            Map<String, Object> account = PaperUsers.account(http, user, Map.of("USDT", "10000"), List.of("trade"));
            String secret = (String) account.get("apiSecret");
            String credential = (String) call(HttpMethod.POST, "/api/v1/vault/credentials", user, Map.of("broker", "paper",
                    "label", "p", "secrets", Map.of("apiKey", account.get("apiKey"), "apiSecret", secret))).get("id");
            String bot = (String) call(HttpMethod.POST, "/api/v1/bots", user, Map.of("name", "b", "image", "knag/reference-bot",
                    "credentialId", credential, "params", Map.of("fast", 2, "slow", 4, "interval", "1s"))).get("id");
            call(HttpMethod.POST, "/api/v1/bots/" + bot + "/start", user, Map.of("password", "a long passphrase"));
            Path file = botFiles.resolve(bot).resolve("credentials.json");
            await(() -> Files.exists(file));
            String token = json.readTree(file.toFile()).get("reportToken").asText();
            await(() -> ((Number) call(HttpMethod.GET, "/api/v1/bots/" + bot + "/trades", user, null).get("total")).intValue() >= 1);
            call(HttpMethod.GET, "/api/v1/paper/accounts", user, null);
            call(HttpMethod.GET, "/api/v1/bots/" + bot + "/performance", user, null);
            call(HttpMethod.GET, "/api/v1/portfolio", user, null);
            call(HttpMethod.POST, "/api/v1/bots/" + bot + "/stop", user, null);
            await(() -> "STOPPED".equals(call(HttpMethod.GET, "/api/v1/bots/" + bot, user, null).get("state")));
            answers.add(String.valueOf(call(HttpMethod.GET, "/api/v1/bots/" + bot + "/logs?tail=500", user, null)));

            for (String marker : List.of(secret, token)) {
                String hex = HexFormat.of().formatHex(marker.getBytes(StandardCharsets.UTF_8));
                String b64 = Base64.getEncoder().encodeToString(marker.getBytes(StandardCharsets.UTF_8));
                assertThat(database.dump("paper") + database.dump("vault") + database.dump("bots") + database.dump("identity"))
                        .doesNotContain(marker).doesNotContainIgnoringCase(hex).doesNotContain(b64);
                assertThat(answers).isNotEmpty().allSatisfy(answer -> assertThat(answer).doesNotContain(marker));
                assertThat(logs.list).isNotEmpty().allSatisfy(line -> assertThat(line.getFormattedMessage()).doesNotContain(marker));
                assertThat(events).isNotEmpty().allSatisfy(event -> assertThat(json.writeValueAsString(event)).doesNotContain(marker));
                try (var files = Files.walk(botFiles)) {
                    for (Path f : files.filter(Files::isRegularFile).filter(f -> !f.toString().endsWith(".jar")).toList()) {
                        assertThat(Files.readString(f)).as(f.toString()).doesNotContain(marker);
                    }
                }
            }
            assertThat(events).anyMatch(event -> event.type().equals("io.knag.paper.trade.filled"));
        } finally {
            root.detachAppender(logs);
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> call(HttpMethod method, String path, String user, Object body) {
        var request = http.method(method).uri(path).header(HttpHeaders.AUTHORIZATION, user);
        var ready = body == null ? request : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body);
        String text = ready.exchange().expectStatus().is2xxSuccessful().expectBody(String.class).returnResult().getResponseBody();
        answers.add(text == null ? "" : text);
        try {
            return text == null || !text.startsWith("{") ? Map.of() : json.readValue(text, Map.class);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static void await(Supplier<Boolean> condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.get()) {
            assertThat(System.nanoTime()).as("waited 60 s").isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    /** Records every event the host publishes. */
    @TestConfiguration
    static class RecordedEvents {

        @Bean
        List<Event> recordedPaperEvents() {
            return new CopyOnWriteArrayList<>();
        }

        @Bean
        EventConsumer recordingPaperConsumer(List<Event> recordedPaperEvents) {
            return new EventConsumer() {
                @Override
                public boolean accepts(String type) {
                    return true;
                }

                @Override
                public Mono<Void> consume(Event event) {
                    return Mono.fromRunnable(() -> recordedPaperEvents.add(event));
                }
            };
        }
    }
}
