package io.knag.host;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.knag.host.paper.PaperUsers;
import io.knag.kernel.testing.TestDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The vault asks the broker what a key may do before it stores it: the paper exchange of the host itself, and a
 * loopback stand-in for Binance that checks the request's signature and answers with recorded responses. A key
 * that can withdraw, a key the broker rejects and a broker that is down or away all store nothing.
 */
@HostTest
class VaultKeyProbeTest {

    static final String SECRET = "stand-in-secret";
    static final AtomicInteger asked = new AtomicInteger();
    static TestDatabase database;
    static HttpServer binance;
    static int closedPort;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) throws IOException {
        database = HostDatabase.register(registry);
        binance = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        binance.createContext("/sapi/v1/account/apiRestrictions", exchange -> {
            asked.incrementAndGet();
            String key = exchange.getRequestHeaders().getFirst("X-MBX-APIKEY");
            String query = exchange.getRequestURI().getRawQuery();
            String unsigned = query.substring(0, query.indexOf("&signature="));
            boolean signed = query.endsWith("&signature=" + sign(unsigned));
            String file = !signed ? "error-signature" : switch (key) {
                case "TRADE-ONLY" -> "apiRestrictions-trade-only";
                case "CAN-WITHDRAW" -> "apiRestrictions-withdrawals";
                case "DOWN" -> null;
                default -> "error-invalid-key";
            };
            byte[] body = file == null ? new byte[0] : recorded(file);
            int status = file == null ? 503 : file.startsWith("error") ? (signed ? 401 : 400) : 200;
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        binance.start();
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        registry.add("knag.vault.probe-urls.binance", () -> "http://127.0.0.1:" + binance.getAddress().getPort());
        registry.add("knag.vault.probe-urls.bybit", () -> "http://127.0.0.1:" + closedPort);
    }

    @AfterAll
    static void stop() {
        binance.stop(0);
    }

    @Autowired
    WebTestClient http;

    static String alice;

    @BeforeEach
    void user() {
        if (alice == null) {
            alice = PaperUsers.bearer(http, "probe@example.com");
        }
    }

    @Test
    void aBinanceKeyThatMayOnlyTradeIsStoredAndOneThatMayWithdrawIsNot() {
        add("binance", "TRADE-ONLY", SECRET).expectStatus().isCreated();
        String before = database.dump("vault");
        problem(add("binance", "CAN-WITHDRAW", SECRET), 422, "withdrawal-enabled-key");
        problem(add("binance", "UNKNOWN-KEY", SECRET), 422, "credential-rejected");
        problem(add("binance", "TRADE-ONLY", "another secret"), 422, "credential-rejected");
        problem(add("binance", "DOWN", SECRET), 503, "broker-unavailable");
        problem(add("bybit", "ANY", SECRET), 503, "broker-unavailable");
        assertThat(database.dump("vault")).as("nothing stored").isEqualTo(before);
        assertThat(asked).hasValueGreaterThanOrEqualTo(5);
    }

    @Test
    void aRotationToAKeyThatMayWithdrawKeepsTheOldSecrets() {
        String id = (String) add("binance", "TRADE-ONLY", SECRET).expectStatus().isCreated()
                .expectBody(PaperUsers.JSON).returnResult().getResponseBody().get("id");
        String before = database.dump("vault");
        problem(http.put().uri("/api/v1/vault/credentials/" + id + "/secrets").header(HttpHeaders.AUTHORIZATION, alice)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("secrets", Map.of("apiKey", "CAN-WITHDRAW", "apiSecret", SECRET))).exchange(),
                422, "withdrawal-enabled-key");
        assertThat(database.dump("vault")).isEqualTo(before);
    }

    @Test
    void paperKeysAreCheckedAtThePaperExchange() {
        Map<String, Object> trading = PaperUsers.account(http, alice, Map.of("USDT", "10"), List.of("trade"));
        Map<String, Object> withdrawing = PaperUsers.account(http, alice, Map.of("USDT", "10"), List.of("trade", "withdraw"));
        add("paper", (String) trading.get("apiKey"), (String) trading.get("apiSecret")).expectStatus().isCreated();
        problem(add("paper", (String) withdrawing.get("apiKey"), (String) withdrawing.get("apiSecret")), 422,
                "withdrawal-enabled-key");
        problem(add("paper", "A".repeat(64), "B".repeat(64)), 422, "credential-rejected");
        problem(add("paper", (String) trading.get("apiKey"), "B".repeat(64)), 422, "credential-rejected");
    }

    private WebTestClient.ResponseSpec add(String broker, String key, String secret) {
        return http.post().uri("/api/v1/vault/credentials").header(HttpHeaders.AUTHORIZATION, alice)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("broker", broker, "label", "k", "secrets", Map.of("apiKey", key, "apiSecret", secret)))
                .exchange();
    }

    private static void problem(WebTestClient.ResponseSpec answer, int status, String type) {
        answer.expectStatus().isEqualTo(status).expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://knag.io/problems/" + type)
                .jsonPath("$.detail").value(detail -> assertThat(detail.toString()).doesNotContain(SECRET));
    }

    private static byte[] recorded(String name) throws IOException {
        try (InputStream in = VaultKeyProbeTest.class.getResourceAsStream("/exchange/binance/" + name + ".json")) {
            return in.readAllBytes();
        }
    }

    private static String sign(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
