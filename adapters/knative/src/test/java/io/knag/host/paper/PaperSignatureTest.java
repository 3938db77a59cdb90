package io.knag.host.paper;

import static org.assertj.core.api.Assertions.assertThat;

import io.knag.host.HostDatabase;
import io.knag.host.HostTest;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The exchange API's request rules, request by request: keys, signatures, timestamps, parameters. */
@HostTest
class PaperSignatureTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        HostDatabase.register(registry);
    }

    @Autowired
    WebTestClient http;

    static String bearer;
    static String key;
    static String secret;

    @BeforeEach
    void account() {
        if (bearer == null) {
            bearer = PaperUsers.bearer(http, "signer@example.com");
            Map<String, Object> account = PaperUsers.account(http, bearer, Map.of("USDT", "1000"), List.of("trade"));
            key = (String) account.get("apiKey");
            secret = (String) account.get("apiSecret");
        }
    }

    @Test
    void aSignedQueryIsAnswered() {
        String query = "timestamp=" + System.currentTimeMillis();
        http.get().uri("/paper/api/v3/account?" + query + "&signature=" + sign(query)).header("X-MBX-APIKEY", key)
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.canTrade").isEqualTo(true)
                .jsonPath("$.balances[0].free").isEqualTo("1000.00000000");
    }

    @Test
    void theSignatureCoversTheQueryFollowedByTheFormBody() {
        String query = "symbol=BTCUSDT&side=BUY&type=MARKET";
        String body = "quantity=0.001&timestamp=" + System.currentTimeMillis();
        http.post().uri("/paper/api/v3/order?" + query).header("X-MBX-APIKEY", key)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue(body + "&signature=" + sign(query + body))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("FILLED");
        http.post().uri("/paper/api/v3/order?" + query).header("X-MBX-APIKEY", key)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue(body + "&signature=" + sign(query + "&" + body))
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo(-1022);
    }

    static Stream<Arguments> refused() {
        long now = System.currentTimeMillis();
        return Stream.of(
                Arguments.of("GET", "/api/v3/account", "timestamp=" + now, "none", -2014),
                Arguments.of("GET", "/api/v3/account", "timestamp=" + now, "short", -2014),
                Arguments.of("GET", "/api/v3/account", "timestamp=" + now, "unknown", -2015),
                Arguments.of("GET", "/api/v3/account", "timestamp=" + now, "tampered", -1022),
                Arguments.of("GET", "/api/v3/account", "timestamp=" + now, "not hex", -1022),
                Arguments.of("GET", "/api/v3/account", "timestamp=" + now, "unsigned", -1102),
                Arguments.of("GET", "/api/v3/account", "recvWindow=5000", "signed", -1102),
                Arguments.of("GET", "/api/v3/account", "timestamp=" + (now - 10_000), "signed", -1021),
                Arguments.of("GET", "/api/v3/account", "timestamp=" + (now - 10_000) + "&recvWindow=60000", "signed", 0),
                Arguments.of("GET", "/api/v3/account", "timestamp=" + (now + 30_000), "signed", -1021),
                Arguments.of("GET", "/api/v3/account", "timestamp=" + now + "&recvWindow=70000", "signed", -1130),
                Arguments.of("GET", "/api/v3/account", "timestamp=" + now + "&timestamp=" + now, "signed", -1101),
                Arguments.of("GET", "/api/v3/account", "timestamp=" + now + "&color=blue", "signed", -1104),
                Arguments.of("GET", "/api/v3/account", "timestamp=abc", "signed", -1100),
                Arguments.of("POST", "/api/v3/order", "symbol=BTCUSDT&side=BUY&type=MARKET&quantity=1%2C5&timestamp=" + now, "signed", -1100),
                Arguments.of("POST", "/api/v3/order", "symbol=btcusdt&side=BUY&type=MARKET&quantity=1&timestamp=" + now, "signed", -1100),
                Arguments.of("POST", "/api/v3/order", "symbol=BTCUSDT&side=HOLD&type=MARKET&quantity=1&timestamp=" + now, "signed", -1117),
                Arguments.of("POST", "/api/v3/order", "symbol=BTCUSDT&side=BUY&type=STOP&quantity=1&timestamp=" + now, "signed", -1116),
                Arguments.of("POST", "/api/v3/order", "symbol=BTCUSDT&side=BUY&type=LIMIT&quantity=1&price=1&timestamp=" + now,
                        "signed", -1102),
                Arguments.of("POST", "/api/v3/order", "symbol=BTCUSDT&side=BUY&type=MARKET&timestamp=" + now, "signed", -1102),
                Arguments.of("POST", "/api/v3/order", "symbol=BTCUSDT&side=BUY&type=MARKET&quantity=1&newOrderRespType=ALL&timestamp="
                        + now, "signed", -1130),
                Arguments.of("POST", "/api/v3/order", "symbol=BTCUSDT&side=BUY&type=MARKET&quantity=0.001&newClientOrderId=a%20b"
                        + "&timestamp=" + now, "signed", -1130),
                Arguments.of("DELETE", "/api/v3/order", "symbol=BTCUSDT&timestamp=" + now, "signed", -1102),
                Arguments.of("GET", "/api/v3/order", "symbol=BTCUSDT&orderId=12&timestamp=" + now, "signed", -2013),
                Arguments.of("GET", "/api/v3/myTrades", "timestamp=" + now, "signed", -1102),
                Arguments.of("GET", "/api/v3/myTrades", "symbol=BTCUSDT&limit=5000&timestamp=" + now, "signed", -1130),
                Arguments.of("GET", "/api/v3/openOrders", "symbol=NOPE&timestamp=" + now, "signed", -1121),
                Arguments.of("GET", "/api/v3/klines", "symbol=BTCUSDT&interval=7m", "public", -1120),
                Arguments.of("GET", "/api/v3/klines", "symbol=BTCUSDT", "public", -1102),
                Arguments.of("GET", "/api/v3/klines", "symbol=BTCUSDT&interval=1m&limit=0", "public", -1130),
                Arguments.of("GET", "/api/v3/klines", "symbol=BTCUSDT&interval=1m&startTime=2000&endTime=1000", "public", -1130),
                Arguments.of("GET", "/api/v3/depth", "limit=5", "public", -1102),
                Arguments.of("GET", "/api/v3/ticker/price", "symbol=XYZ", "public", -1121),
                Arguments.of("GET", "/api/v3/ping", "x=1", "public", -1104));
    }

    @ParameterizedTest(name = "{0} {1}?{2} ({3}) -> {4}")
    @MethodSource
    void refused(String method, String path, String query, String signing, int code) {
        String signature = switch (signing) {
            case "tampered" -> sign(query + "0");
            case "not hex" -> "zz";
            case "unsigned", "public" -> null;
            default -> sign(query);
        };
        String uri = "/paper" + path + "?" + query + (signature == null ? "" : "&signature=" + signature);
        // As sent: a URI template would encode the query's percent signs again.
        var request = http.method(org.springframework.http.HttpMethod.valueOf(method)).uri(java.net.URI.create(uri));
        switch (signing) {
            case "none", "public" -> { }
            case "short" -> request.header("X-MBX-APIKEY", "abc");
            case "unknown" -> request.header("X-MBX-APIKEY", "B".repeat(64));
            default -> request.header("X-MBX-APIKEY", key);
        }
        var answer = request.exchange();
        if (code == 0) {
            answer.expectStatus().isOk();
            return;
        }
        answer.expectStatus().value(status -> assertThat(status).isBetween(400, 499))
                .expectHeader().contentType(MediaType.APPLICATION_JSON)
                .expectBody().jsonPath("$.code").isEqualTo(code).jsonPath("$.msg").isNotEmpty();
    }

    @Test
    void aKeyWithoutTradeMayReadButNotTradeAndAWithdrawalKeySaysSo() {
        Map<String, Object> readOnly = PaperUsers.account(http, bearer, Map.of("USDT", "10"), List.of("withdraw"));
        String query = "symbol=BTCUSDT&side=BUY&type=MARKET&quantity=0.001&timestamp=" + System.currentTimeMillis();
        http.post().uri("/paper/api/v3/order?" + query + "&signature=" + sign(query, (String) readOnly.get("apiSecret")))
                .header("X-MBX-APIKEY", (String) readOnly.get("apiKey")).exchange()
                .expectStatus().isUnauthorized().expectBody().jsonPath("$.code").isEqualTo(-2015);
        String read = "timestamp=" + System.currentTimeMillis();
        http.get().uri("/paper/sapi/v1/account/apiRestrictions?" + read + "&signature=" + sign(read, (String) readOnly.get("apiSecret")))
                .header("X-MBX-APIKEY", (String) readOnly.get("apiKey")).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.enableWithdrawals").isEqualTo(true)
                .jsonPath("$.enableSpotAndMarginTrading").isEqualTo(false);
    }

    @Test
    void aDeletedAccountsKeyIsUnknown() {
        Map<String, Object> gone = PaperUsers.account(http, bearer, Map.of("USDT", "10"), List.of("trade"));
        http.delete().uri("/api/v1/paper/accounts/" + gone.get("id")).header(HttpHeaders.AUTHORIZATION, bearer).exchange()
                .expectStatus().isNoContent();
        String query = "timestamp=" + System.currentTimeMillis();
        http.get().uri("/paper/api/v3/account?" + query + "&signature=" + sign(query, (String) gone.get("apiSecret")))
                .header("X-MBX-APIKEY", (String) gone.get("apiKey")).exchange()
                .expectStatus().isUnauthorized().expectBody().jsonPath("$.code").isEqualTo(-2015);
    }

    @Test
    void aBodyThatIsNotAFormIsRefused() {
        http.post().uri("/paper/api/v3/order").header("X-MBX-APIKEY", key).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"symbol\":\"BTCUSDT\"}").exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo(-1130);
    }

    private static String sign(String payload) {
        return sign(payload, secret);
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
}
