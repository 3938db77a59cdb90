package io.knag.host.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
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
 * Bot reports through the running host with the local runtime: a real heartbeat bot reports with the token of its
 * credentials file, a paper bot's trade is the paper exchange's fill, and every report that is not the running
 * launch's own, or not the contract's, is refused and recorded nowhere.
 */
@HostTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BotReportsApiTest {

    static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() { };
    static final ObjectMapper MAPPER = new ObjectMapper();
    static final String PASSWORD = "a long passphrase";
    static TestDatabase database;
    static Path botFiles;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) throws Exception {
        database = HostDatabase.register(registry);
        botFiles = Files.createTempDirectory("knag-reports");
        registry.add("knag.runtime.local.directory", botFiles::toString);
        registry.add("knag.bots.silent-after", () -> "5s");
    }

    @Autowired
    WebTestClient http;

    static String alice;
    static String bob;
    static String apiKey;
    static String apiSecret;
    static String bot;
    static String token;

    @BeforeEach
    void runningPaperBot() throws Exception {
        if (alice != null) {
            return;
        }
        alice = bearer("alice@example.com");
        bob = bearer("bob@example.com");
        Map<String, Object> account = send(HttpMethod.POST, "/api/v1/paper/accounts", alice,
                Map.of("label", "Paper", "balances", Map.of("USDT", "10000")), 201);
        apiKey = (String) account.get("apiKey");
        apiSecret = (String) account.get("apiSecret");
        String credential = (String) send(HttpMethod.POST, "/api/v1/vault/credentials", alice, Map.of("broker", "paper",
                "label", "paper", "secrets", Map.of("apiKey", apiKey, "apiSecret", apiSecret)), 201).get("id");
        bot = start(alice, credential, Map.of());
        token = reportToken(bot);
    }

    @Test
    @Order(1)
    void theHeartbeatBotReportsWithTheTokenOfItsCredentialsFile() throws Exception {
        await(() -> send(HttpMethod.GET, "/api/v1/bots/" + bot, alice, null, 200).get("lastHeartbeatAt") != null);
        assertThat(send(HttpMethod.GET, "/api/v1/bots/" + bot, alice, null, 200)).containsEntry("health", "ok");
        assertThat(token).startsWith("kr1.");
        assertThat(logs(bot)).doesNotContain(token).doesNotContain(apiSecret);
    }

    @Test
    @Order(2)
    void aPaperTradeIsTheExchangesOwnFill() {
        long tradeId = marketBuy("0.01000");
        report("trade-1", "io.knag.bot.trade.filled", Map.of("tradeId", Long.toString(tradeId), "price", "1.00"), 202);
        Map<String, Object> page = send(HttpMethod.GET, "/api/v1/bots/" + bot + "/trades", alice, null, 200);
        assertThat(page).containsEntry("total", 1);
        @SuppressWarnings("unchecked")
        Map<String, Object> trade = ((List<Map<String, Object>>) page.get("trades")).get(0);
        assertThat(trade).containsEntry("tradeId", Long.toString(tradeId)).containsEntry("source", "exchange")
                .containsEntry("symbol", "BTCUSDT").containsEntry("side", "BUY");
        assertThat(trade.get("price").toString()).as("the exchange's price, not the reported one").isNotEqualTo("1.00");

        report("trade-1", "io.knag.bot.trade.filled", Map.of("tradeId", Long.toString(tradeId)), 200);
        report("trade-1-again", "io.knag.bot.trade.filled", Map.of("tradeId", Long.toString(tradeId)), 202);
        assertThat(send(HttpMethod.GET, "/api/v1/bots/" + bot + "/trades", alice, null, 200)).containsEntry("total", 1);
        problem(report("trade-x", "io.knag.bot.trade.filled", Map.of("tradeId", "999999999"), 422), "unknown-trade");
    }

    @Test
    @Order(3)
    void equityAndTradesMakeThePerformanceAndThePortfolio() {
        report("e1", "io.knag.bot.equity.reported", Map.of("equity", "10000", "asset", "USDT"), 202);
        report("e2", "io.knag.bot.equity.reported", Map.of("equity", "10100", "asset", "USDT"), 202);
        report("e3", "io.knag.bot.equity.reported", Map.of("equity", 9090.0, "asset", "USDT"), 202);
        report("o1", "io.knag.bot.order.placed", Map.of("orderId", "77", "symbol", "BTCUSDT", "side", "SELL", "type", "LIMIT",
                "quantity", "0.001", "price", "99999.00"), 202);
        Map<String, Object> performance = send(HttpMethod.GET, "/api/v1/bots/" + bot + "/performance", alice, null, 200);
        assertThat(performance).containsEntry("tradeCount", 1).containsEntry("maxDrawdown", 0.1)
                .containsEntry("equityAsset", "USDT").containsKey("since");
        assertThat((List<?>) performance.get("equity")).hasSize(3);
        assertThat(((Number) performance.get("fees")).doubleValue()).isPositive();

        Map<String, Object> portfolio = send(HttpMethod.GET, "/api/v1/portfolio", alice, null, 200);
        assertThat(portfolio.get("bots").toString()).contains(bot);
        assertThat(portfolio).containsEntry("tradeCount", 1);
        assertThat(send(HttpMethod.GET, "/api/v1/portfolio", bob, null, 200).get("bots")).isEqualTo(List.of());
    }

    @Test
    @Order(4)
    void anotherUsersBotHasNoTradesOrPerformance() {
        problem(send(HttpMethod.GET, "/api/v1/bots/" + bot + "/trades", bob, null, 404), "not-found");
        problem(send(HttpMethod.GET, "/api/v1/bots/" + bot + "/performance", bob, null, 404), "not-found");
        send(HttpMethod.GET, "/api/v1/bots/" + bot + "/trades", null, null, 401);
        problem(send(HttpMethod.GET, "/api/v1/bots/" + bot + "/trades?limit=0", alice, null, 400), "validation-failed");
        problem(send(HttpMethod.GET, "/api/v1/bots/" + bot + "/trades?limit=abc", alice, null, 400), "validation-failed");
        problem(send(HttpMethod.GET, "/api/v1/bots/" + bot + "/trades?offset=-1", alice, null, 400), "validation-failed");
    }

    static Stream<Arguments> refusedReports() {
        return Stream.of(
                Arguments.of("no token", null, "io.knag.bot.heartbeat", Map.of(), 401, "report-token-invalid"),
                Arguments.of("forged token", "forged", "io.knag.bot.heartbeat", Map.of(), 401, "report-token-invalid"),
                Arguments.of("a user's token", "user", "io.knag.bot.heartbeat", Map.of(), 401, "report-token-invalid"),
                Arguments.of("another bot's subject", "subject", "io.knag.bot.heartbeat", Map.of(), 403, "report-for-another-bot"),
                Arguments.of("unknown type", "ok", "io.knag.bot.profit.made", Map.of(), 400, "invalid-report"),
                Arguments.of("unknown field", "ok", "io.knag.bot.heartbeat", Map.of("mood", "great"), 400, "invalid-report"),
                Arguments.of("negative equity", "ok", "io.knag.bot.equity.reported", Map.of("equity", "-5", "asset", "USDT"),
                        400, "invalid-report"),
                Arguments.of("too precise", "ok", "io.knag.bot.equity.reported",
                        Map.of("equity", "1.123456789", "asset", "USDT"), 400, "invalid-report"),
                Arguments.of("no order id", "ok", "io.knag.bot.order.placed", Map.of("symbol", "BTCUSDT", "side", "BUY",
                        "type", "MARKET"), 400, "invalid-report"),
                Arguments.of("bad side", "ok", "io.knag.bot.order.placed", Map.of("orderId", "1", "symbol", "BTCUSDT",
                        "side", "LONG", "type", "MARKET"), 400, "invalid-report"),
                Arguments.of("long status", "ok", "io.knag.bot.heartbeat", Map.of("status", "x".repeat(201)), 400, "invalid-report"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    @Order(5)
    void refusedReports(String name, String tokenKind, String type, Map<String, Object> data, int status, String problem) {
        String before = database.dump("bots");
        String header = switch (tokenKind == null ? "none" : tokenKind) {
            case "none" -> null;
            case "forged" -> token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");
            case "user" -> alice.substring(7);
            default -> token;
        };
        String subject = "subject".equals(tokenKind) ? UUID.randomUUID().toString() : bot;
        problem(post(bot, header, UUID.randomUUID().toString(), type, subject, data, status), problem);
        assertThat(database.dump("bots")).as("a refused report is recorded nowhere").isEqualTo(before);
    }

    @Test
    @Order(6)
    void oneBotsTokenDoesNotReportForAnotherAndMalformedEventsAreRefused() throws Exception {
        problem(post(UUID.randomUUID().toString(), token, "x1", "io.knag.bot.heartbeat", null, Map.of(), 403),
                "report-for-another-bot");
        Map<String, Object> notAnEvent = http.post().uri("/api/v1/bots/" + bot + "/reports")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}").exchange().expectStatus().isBadRequest().expectBody(JSON).returnResult().getResponseBody();
        problem(notAnEvent, "invalid-report");
        Map<String, Object> tooLarge = http.post().uri("/api/v1/bots/" + bot + "/reports")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).header("ce-specversion", "1.0").header("ce-id", "big")
                .header("ce-source", "/bot").header("ce-type", "io.knag.bot.heartbeat").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"status\":\"" + "x".repeat(20_000) + "\"}").exchange().expectStatus().isEqualTo(413)
                .expectBody(JSON).returnResult().getResponseBody();
        assertThat(tooLarge.get("type").toString()).endsWith("payload-too-large");
        String structured = MAPPER.writeValueAsString(Map.of("specversion", "1.0", "id", "structured-1", "source", "/bot",
                "type", "io.knag.bot.heartbeat", "subject", bot, "datacontenttype", "application/json",
                "data", Map.of("status", "structured")));
        http.post().uri("/api/v1/bots/" + bot + "/reports").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.parseMediaType("application/cloudevents+json")).bodyValue(structured)
                .exchange().expectStatus().isAccepted().expectBody().jsonPath("$.status").isEqualTo("accepted");
    }

    @Test
    @Order(7)
    void aBotThatStopsReportingIsSilentAndItsNextHeartbeatBringsItBack() throws Exception {
        String credential = (String) send(HttpMethod.POST, "/api/v1/vault/credentials", alice, Map.of("broker", "paper",
                "label", "quiet", "secrets", Map.of("apiKey", apiKey, "apiSecret", apiSecret)), 201).get("id");
        String quiet = start(alice, credential, Map.of("report", false));
        await(() -> "silent".equals(send(HttpMethod.GET, "/api/v1/bots/" + quiet, alice, null, 200).get("health")));
        assertThat(history(quiet)).anyMatch(detail -> detail.startsWith("silent: no heartbeat for 5 s"));
        post(quiet, reportToken(quiet), "back", "io.knag.bot.heartbeat", quiet, Map.of(), 202);
        assertThat(send(HttpMethod.GET, "/api/v1/bots/" + quiet, alice, null, 200)).containsEntry("health", "ok");
        assertThat(history(quiet)).contains("heartbeats again");
        send(HttpMethod.POST, "/api/v1/bots/" + quiet + "/stop", alice, null, 202);
        await(() -> "STOPPED".equals(send(HttpMethod.GET, "/api/v1/bots/" + quiet, alice, null, 200).get("state")));
    }

    @Test
    @Order(8)
    void aStoppedBotsTokenIsRefused() throws Exception {
        send(HttpMethod.POST, "/api/v1/bots/" + bot + "/stop", alice, null, 202);
        await(() -> "STOPPED".equals(send(HttpMethod.GET, "/api/v1/bots/" + bot, alice, null, 200).get("state")));
        String before = database.dump("bots");
        problem(report("late", "io.knag.bot.heartbeat", Map.of(), 401), "launch-ended");
        assertThat(database.dump("bots")).isEqualTo(before);
        assertThat(Files.exists(botFiles.resolve(bot).resolve("credentials.json"))).isFalse();
    }

    private long marketBuy(String quantity) {
        String query = "symbol=BTCUSDT&side=BUY&type=MARKET&quantity=" + quantity + "&timestamp=" + System.currentTimeMillis();
        Map<String, Object> order = http.post().uri(java.net.URI.create("/paper/api/v3/order?" + query + "&signature="
                        + sign(query))).header("X-MBX-APIKEY", apiKey).exchange().expectStatus().isOk()
                .expectBody(JSON).returnResult().getResponseBody();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> fills = (List<Map<String, Object>>) order.get("fills");
        return ((Number) fills.get(0).get("tradeId")).longValue();
    }

    private Map<String, Object> report(String id, String type, Map<String, Object> data, int status) {
        return post(bot, token, id, type, bot, data, status);
    }

    private Map<String, Object> post(String botId, String bearer, String id, String type, String subject,
                                     Map<String, Object> data, int status) {
        var request = http.post().uri("/api/v1/bots/" + botId + "/reports").header("ce-specversion", "1.0")
                .header("ce-id", id).header("ce-source", "/bots/" + botId).header("ce-type", type)
                .contentType(MediaType.APPLICATION_JSON);
        if (subject != null) {
            request.header("ce-subject", subject);
        }
        if (bearer != null) {
            request.header(HttpHeaders.AUTHORIZATION, "Bearer " + bearer);
        }
        return request.bodyValue(data).exchange().expectStatus().isEqualTo(status).expectBody(JSON).returnResult()
                .getResponseBody();
    }

    private String start(String user, String credential, Map<String, Object> params) throws Exception {
        String id = (String) send(HttpMethod.POST, "/api/v1/bots", user, Map.of("name", "paper bot", "image",
                "knag/heartbeat-bot", "credentialId", credential, "params", params,
                "resources", Map.of("cpu", "100m", "memory", "32Mi")), 201).get("id");
        send(HttpMethod.POST, "/api/v1/bots/" + id + "/start", user, Map.of("password", PASSWORD), 202);
        await(() -> "RUNNING".equals(send(HttpMethod.GET, "/api/v1/bots/" + id, user, null, 200).get("state")));
        return id;
    }

    private String reportToken(String botId) throws Exception {
        JsonNode file = MAPPER.readTree(botFiles.resolve(botId).resolve("credentials.json").toFile());
        return file.get("reportToken").asText();
    }

    private List<String> history(String botId) {
        return http.get().uri("/api/v1/bots/" + botId + "/events").header(HttpHeaders.AUTHORIZATION, alice).exchange()
                .expectStatus().isOk().expectBodyList(JSON).returnResult().getResponseBody().stream()
                .map(change -> (String) change.get("detail")).toList();
    }

    private String logs(String botId) {
        return http.get().uri("/api/v1/bots/" + botId + "/logs?tail=50").header(HttpHeaders.AUTHORIZATION, alice)
                .accept(MediaType.TEXT_PLAIN).exchange().expectStatus().isOk().expectBody(String.class).returnResult()
                .getResponseBody();
    }

    private Map<String, Object> send(HttpMethod method, String path, String user, Object body, int status) {
        var request = http.method(method).uri(path);
        if (user != null) {
            request.header(HttpHeaders.AUTHORIZATION, user);
        }
        var ready = body == null ? request : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body);
        return ready.exchange().expectStatus().isEqualTo(status).expectBody(JSON).returnResult().getResponseBody();
    }

    private static void problem(Map<String, Object> answer, String type) {
        assertThat(answer).containsEntry("type", "https://knag.io/problems/" + type);
    }

    private String bearer(String email) {
        send(HttpMethod.POST, "/api/v1/auth/register", null, Map.of("email", email, "password", PASSWORD, "displayName", "X"), 201);
        return "Bearer " + send(HttpMethod.POST, "/api/v1/auth/login", null, Map.of("email", email, "password", PASSWORD), 200)
                .get("accessToken");
    }

    private static String sign(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(apiSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static void await(Supplier<Boolean> condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.get()) {
            assertThat(System.nanoTime()).as("waited 30 s").isLessThan(deadline);
            Thread.sleep(100);
        }
    }
}
