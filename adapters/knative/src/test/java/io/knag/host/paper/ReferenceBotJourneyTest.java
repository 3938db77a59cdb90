package io.knag.host.paper;

import static org.assertj.core.api.Assertions.assertThat;

import io.knag.host.HostDatabase;
import io.knag.host.HostTest;
import io.knag.kernel.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The trading loop end to end, as a trader does it with curl: a paper account, its key in the vault, the
 * reference bot started on it; within a minute its trades are listed, each one a fill the exchange lists too,
 * its equity is reported, and stopping it while its take-profit order rests leaves no open order, and no secret in
 * its output.
 */
@HostTest
class ReferenceBotJourneyTest {

    static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() { };
    static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() { };
    static TestDatabase database;
    static Path botFiles;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) throws Exception {
        database = HostDatabase.register(registry);
        botFiles = Files.createTempDirectory("knag-reference");
        registry.add("knag.runtime.local.directory", botFiles::toString);
    }

    @Autowired
    WebTestClient http;

    @Test
    void theReferenceBotTradesOnThePaperExchangeAndReportsIt() throws Exception {
        String alice = PaperUsers.bearer(http, "trader@example.com");
        Map<String, Object> account = PaperUsers.account(http, alice, Map.of("USDT", "10000"), List.of("trade"));
        String key = (String) account.get("apiKey");
        String secret = (String) account.get("apiSecret");
        String credential = (String) send(HttpMethod.POST, "/api/v1/vault/credentials", alice, Map.of("broker", "paper",
                "label", "practice", "secrets", Map.of("apiKey", key, "apiSecret", secret)), 201).get("id");
        String bot = (String) send(HttpMethod.POST, "/api/v1/bots", alice, Map.of("name", "crossover",
                "image", "knag/reference-bot", "credentialId", credential,
                "params", Map.of("symbol", "BTCUSDT", "fast", 2, "slow", 5, "interval", "1s", "quoteFraction", 0.2,
                        "stopLossPct", 0.5, "takeProfitPct", 5),
                "resources", Map.of("cpu", "250m", "memory", "128Mi")), 201).get("id");
        send(HttpMethod.POST, "/api/v1/bots/" + bot + "/start", alice, Map.of("password", "a long passphrase"), 202);
        await(Duration.ofSeconds(30), () -> "RUNNING".equals(send(HttpMethod.GET, "/api/v1/bots/" + bot, alice, null, 200).get("state")));

        await(Duration.ofSeconds(60), () -> ((Number) send(HttpMethod.GET, "/api/v1/bots/" + bot + "/trades", alice, null, 200)
                .get("total")).intValue() >= 2);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> trades = (List<Map<String, Object>>) send(HttpMethod.GET, "/api/v1/bots/" + bot + "/trades",
                alice, null, 200).get("trades");
        List<String> exchangeTrades = signedList("/paper/api/v3/myTrades", "symbol=BTCUSDT", key, secret).stream()
                .map(trade -> trade.get("id").toString()).toList();
        assertThat(trades).allSatisfy(trade -> {
            assertThat(trade).containsEntry("source", "exchange");
            assertThat(exchangeTrades).contains((String) trade.get("tradeId"));
        });

        await(Duration.ofSeconds(30), () -> !((List<?>) send(HttpMethod.GET, "/api/v1/bots/" + bot + "/performance", alice,
                null, 200).get("equity")).isEmpty());
        Map<String, Object> bots = send(HttpMethod.GET, "/api/v1/bots/" + bot, alice, null, 200);
        assertThat(bots).containsEntry("health", "ok").containsKey("lastHeartbeatAt");

        await(Duration.ofSeconds(60), () -> !signedList("/paper/api/v3/openOrders", "symbol=BTCUSDT", key, secret).isEmpty());
        send(HttpMethod.POST, "/api/v1/bots/" + bot + "/stop", alice, null, 202);
        await(Duration.ofSeconds(30), () -> "STOPPED".equals(send(HttpMethod.GET, "/api/v1/bots/" + bot, alice, null, 200).get("state")));
        assertThat(signedList("/paper/api/v3/openOrders", "symbol=BTCUSDT", key, secret))
                .as("its resting take-profit order was cancelled on SIGTERM").isEmpty();
        String logs = http.get().uri("/api/v1/bots/" + bot + "/logs?tail=200").header(HttpHeaders.AUTHORIZATION, alice)
                .accept(MediaType.TEXT_PLAIN).exchange().expectStatus().isOk().expectBody(String.class).returnResult()
                .getResponseBody();
        assertThat(logs).contains("buy signal", "bought").doesNotContain(secret).doesNotContain("kr1.");
        assertThat(history(alice, bot)).endsWith("stopped (requested by its owner)")
                .noneMatch(detail -> detail.contains("crash") || detail.contains("restart"));
    }

    private List<String> history(String user, String bot) {
        return http.get().uri("/api/v1/bots/" + bot + "/events").header(HttpHeaders.AUTHORIZATION, user).exchange()
                .expectStatus().isOk().expectBody(LIST).returnResult().getResponseBody().stream()
                .map(change -> (String) change.get("detail")).toList();
    }

    private List<Map<String, Object>> signedList(String path, String query, String key, String secret) {
        String signed = query + "&timestamp=" + System.currentTimeMillis();
        return http.get().uri(java.net.URI.create(path + "?" + signed + "&signature=" + sign(signed, secret)))
                .header("X-MBX-APIKEY", key).exchange().expectStatus().isOk().expectBody(LIST).returnResult().getResponseBody();
    }

    private Map<String, Object> send(HttpMethod method, String path, String user, Object body, int status) {
        var request = http.method(method).uri(path).header(HttpHeaders.AUTHORIZATION, user);
        var ready = body == null ? request : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body);
        return ready.exchange().expectStatus().isEqualTo(status).expectBody(JSON).returnResult().getResponseBody();
    }

    private static String sign(String payload, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static void await(Duration most, Supplier<Boolean> condition) throws InterruptedException {
        long deadline = System.nanoTime() + most.toNanos();
        while (!condition.get()) {
            assertThat(System.nanoTime()).as("waited " + most.toSeconds() + " s").isLessThan(deadline);
            Thread.sleep(250);
        }
    }
}
