package io.knag.host.paper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.binance.connector.client.exceptions.BinanceClientException;
import com.binance.connector.client.impl.SpotClientImpl;
import io.knag.host.HostDatabase;
import io.knag.host.HostTest;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.json.JSONArray;
import org.json.JSONObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The paper exchange through Binance's own Java connector (binance-connector-java, written against Binance's spot
 * API, not against this code): a bot that uses it trades here by changing only its base URL and key.
 */
@HostTest
class PaperExchangeCompatibilityTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        HostDatabase.register(registry);
    }

    @Autowired
    WebTestClient http;

    @LocalServerPort
    int port;

    SpotClientImpl client;
    String apiKey;

    @BeforeEach
    void account() {
        String bearer = PaperUsers.bearer(http, "connector-" + System.nanoTime() + "@example.com");
        Map<String, Object> account = PaperUsers.account(http, bearer, Map.of("USDT", "10000", "BTC", "0.5"), List.of("trade"));
        apiKey = (String) account.get("apiKey");
        client = new SpotClientImpl(apiKey, (String) account.get("apiSecret"), base());
    }

    @Test
    void publicMarketData() {
        assertThat(new JSONObject(client.createMarket().ping()).length()).isZero();
        long serverTime = new JSONObject(client.createMarket().time()).getLong("serverTime");
        assertThat(serverTime).isBetween(System.currentTimeMillis() - 5000, System.currentTimeMillis() + 5000);

        JSONObject info = new JSONObject(client.createMarket().exchangeInfo(params("symbol", "BTCUSDT")));
        JSONObject btc = info.getJSONArray("symbols").getJSONObject(0);
        assertThat(btc.getString("baseAsset")).isEqualTo("BTC");
        assertThat(btc.getJSONArray("filters").toString()).contains("LOT_SIZE", "PRICE_FILTER", "NOTIONAL");

        BigDecimal price = new BigDecimal(new JSONObject(client.createMarket().tickerSymbol(params("symbol", "BTCUSDT")))
                .getString("price"));
        assertThat(price).isPositive();

        JSONArray candles = new JSONArray(client.createMarket().klines(params("symbol", "ETHUSDT", "interval", "1m",
                "limit", 30)));
        assertThat(candles.length()).isEqualTo(30);
        JSONArray last = candles.getJSONArray(29);
        assertThat(new BigDecimal(last.getString(2))).isGreaterThanOrEqualTo(new BigDecimal(last.getString(3)));
        assertThat(candles.getJSONArray(1).getLong(0) - candles.getJSONArray(0).getLong(0)).isEqualTo(60_000);

        JSONObject depth = new JSONObject(client.createMarket().depth(params("symbol", "BTCUSDT", "limit", 5)));
        assertThat(depth.getJSONArray("bids").length()).isEqualTo(5);
        assertThat(new BigDecimal(depth.getJSONArray("bids").getJSONArray(0).getString(0)))
                .isLessThan(new BigDecimal(depth.getJSONArray("asks").getJSONArray(0).getString(0)));
    }

    @Test
    void marketOrderFillsAndMovesBalances() {
        JSONObject order = new JSONObject(client.createTrade().newOrder(params("symbol", "BTCUSDT", "side", "BUY",
                "type", "MARKET", "quantity", "0.01000")));
        assertThat(order.getString("status")).isEqualTo("FILLED");
        assertThat(order.getString("executedQty")).isEqualTo("0.01000000");
        JSONObject fill = order.getJSONArray("fills").getJSONObject(0);
        assertThat(fill.getString("commissionAsset")).isEqualTo("BTC");
        assertThat(fill.getString("commission")).isEqualTo("0.00001000");
        BigDecimal spent = new BigDecimal(order.getString("cummulativeQuoteQty"));

        Map<String, BigDecimal> free = balances();
        assertThat(free.get("BTC")).isEqualByComparingTo("0.50999");
        assertThat(free.get("USDT")).isEqualByComparingTo(new BigDecimal("10000").subtract(spent));

        JSONArray trades = new JSONArray(client.createTrade().myTrades(params("symbol", "BTCUSDT")));
        assertThat(trades.length()).isEqualTo(1);
        assertThat(trades.getJSONObject(0).getLong("orderId")).isEqualTo(order.getLong("orderId"));
        assertThat(trades.getJSONObject(0).getBoolean("isBuyer")).isTrue();
    }

    @Test
    void limitOrderRestsIsQueriedAndCancelled() {
        BigDecimal price = new BigDecimal(new JSONObject(client.createMarket().tickerSymbol(params("symbol", "BTCUSDT")))
                .getString("price"));
        String limit = price.multiply(new BigDecimal("0.5")).setScale(2, java.math.RoundingMode.DOWN).toPlainString();
        JSONObject placed = new JSONObject(client.createTrade().newOrder(params("symbol", "BTCUSDT", "side", "BUY",
                "type", "LIMIT", "timeInForce", "GTC", "quantity", "0.001", "price", limit, "newClientOrderId", "bot-1")));
        assertThat(placed.getString("status")).isEqualTo("NEW");
        assertThat(placed.getJSONArray("fills").length()).isZero();
        assertThat(balance("USDT", "locked")).isEqualByComparingTo(new BigDecimal(limit).multiply(new BigDecimal("0.001")));

        JSONObject queried = new JSONObject(client.createTrade().getOrder(params("symbol", "BTCUSDT",
                "origClientOrderId", "bot-1")));
        assertThat(queried.getLong("orderId")).isEqualTo(placed.getLong("orderId"));
        assertThat(new JSONArray(client.createTrade().getOpenOrders(params("symbol", "BTCUSDT"))).length()).isEqualTo(1);

        JSONObject again = new JSONObject(client.createTrade().newOrder(params("symbol", "BTCUSDT", "side", "BUY",
                "type", "LIMIT", "timeInForce", "GTC", "quantity", "0.001", "price", limit, "newClientOrderId", "bot-1")));
        assertThat(again.getLong("orderId")).as("the same client order id places nothing new").isEqualTo(placed.getLong("orderId"));

        JSONObject cancelled = new JSONObject(client.createTrade().cancelOrder(params("symbol", "BTCUSDT",
                "orderId", placed.getLong("orderId"))));
        assertThat(cancelled.getString("status")).isEqualTo("CANCELED");
        assertThat(new JSONArray(client.createTrade().getOpenOrders(params("symbol", "BTCUSDT"))).length()).isZero();
        assertThat(balance("USDT", "locked")).isZero();
        assertThat(balance("USDT", "free")).isEqualByComparingTo("10000");

        assertThatThrownBy(() -> client.createTrade().cancelOrder(params("symbol", "BTCUSDT", "orderId", placed.getLong("orderId"))))
                .isInstanceOfSatisfying(BinanceClientException.class, e -> assertThat(e.getErrorCode()).isEqualTo(-2011));
    }

    @Test
    void exchangeErrorsComeInTheExchangeShape() {
        assertRejected(() -> client.createTrade().newOrder(params("symbol", "BTCUSDT", "side", "BUY", "type", "MARKET",
                "quantity", "5")), -2010, "insufficient balance");
        assertRejected(() -> client.createTrade().newOrder(params("symbol", "DOGEUSDT", "side", "BUY", "type", "MARKET",
                "quantity", "1")), -1121, "Invalid symbol");
        assertRejected(() -> client.createTrade().newOrder(params("symbol", "BTCUSDT", "side", "BUY", "type", "MARKET",
                "quantity", "0.000015")), -1013, "LOT_SIZE");
        assertRejected(() -> client.createTrade().newOrder(params("symbol", "BTCUSDT", "side", "BUY", "type", "MARKET",
                "quantity", "0.00001")), -1013, "NOTIONAL");
        assertRejected(() -> client.createTrade().getOrder(params("symbol", "BTCUSDT", "orderId", 999999)), -2013,
                "Order does not exist");
        SpotClientImpl wrongSecret = new SpotClientImpl(apiKey, "x".repeat(64), base());
        assertRejected(() -> wrongSecret.createTrade().account(params()), -1022, "Signature");
        SpotClientImpl unknownKey = new SpotClientImpl("A".repeat(64), "x".repeat(64), base());
        assertRejected(() -> unknownKey.createTrade().account(params()), -2015, "API-key");
    }

    @Test
    void apiRestrictionsSayTheKeyCannotWithdraw() {
        JSONObject restrictions = new JSONObject(client.createWallet().apiPermission(params()));
        assertThat(restrictions.getBoolean("enableWithdrawals")).isFalse();
        assertThat(restrictions.getBoolean("enableSpotAndMarginTrading")).isTrue();
        assertThat(restrictions.getBoolean("enableReading")).isTrue();
    }

    private static void assertRejected(Runnable call, int code, String message) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(BinanceClientException.class, e -> {
            assertThat(e.getErrorCode()).isEqualTo(code);
            assertThat(e.getErrMsg()).contains(message);
            assertThat(e.getHttpStatusCode()).isBetween(400, 499);
        });
    }

    private Map<String, BigDecimal> balances() {
        JSONArray balances = new JSONObject(client.createTrade().account(params())).getJSONArray("balances");
        Map<String, BigDecimal> free = new LinkedHashMap<>();
        for (int i = 0; i < balances.length(); i++) {
            free.put(balances.getJSONObject(i).getString("asset"), new BigDecimal(balances.getJSONObject(i).getString("free")));
        }
        return free;
    }

    private BigDecimal balance(String asset, String field) {
        JSONArray balances = new JSONObject(client.createTrade().account(params())).getJSONArray("balances");
        for (int i = 0; i < balances.length(); i++) {
            if (balances.getJSONObject(i).getString("asset").equals(asset)) {
                return new BigDecimal(balances.getJSONObject(i).getString(field));
            }
        }
        return BigDecimal.ZERO;
    }

    private String base() {
        return "http://127.0.0.1:" + port + "/paper";
    }

    private static LinkedHashMap<String, Object> params(Object... pairs) {
        LinkedHashMap<String, Object> params = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            params.put((String) pairs[i], pairs[i + 1]);
        }
        return params;
    }
}
