package io.knag.referencebot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * What the platform hands the bot (docs/bot-contract.md): its id, the broker's base URL, where to report, its
 * parameters, and from the credentials file the API key, secret and report token. Parameters, all optional:
 * {@code symbol} (BTCUSDT), {@code fast} (9) and {@code slow} (21) moving-average lengths, {@code interval}
 * (1m; 1s, 1m, 5m, 15m, 1h), {@code quoteFraction} (0.1: the share of free quote asset one entry spends),
 * {@code stopLossPct} (2), {@code takeProfitPct} (3; a resting limit sell placed at each entry).
 */
record BotConfig(String botId, String brokerUrl, String eventsUrl, String apiKey, String apiSecret, String reportToken,
                 String fingerprint, String symbol, int fast, int slow, String interval, BigDecimal quoteFraction,
                 BigDecimal stopLossPct, BigDecimal takeProfitPct) {

    static final Set<String> INTERVALS = Set.of("1s", "1m", "5m", "15m", "1h");
    private static final ObjectMapper json = new ObjectMapper();

    static BotConfig from(Map<String, String> env) throws IOException {
        String botId = required(env, "KNAG_BOT_ID");
        String brokerUrl = required(env, "KNAG_BROKER_URL");
        JsonNode params = json.readTree(env.getOrDefault("KNAG_PARAMS", "{}"));
        JsonNode file = json.readTree(Files.readString(Path.of(required(env, "KNAG_CREDENTIALS_FILE"))));
        JsonNode secrets = file.path("secrets");
        if (!secrets.hasNonNull("apiKey") || !secrets.hasNonNull("apiSecret")) {
            throw new IllegalArgumentException("the credential has no apiKey and apiSecret: give the bot a paper (or Binance) credential");
        }
        var config = new BotConfig(botId, brokerUrl.endsWith("/") ? brokerUrl.substring(0, brokerUrl.length() - 1) : brokerUrl,
                env.get("KNAG_EVENTS_URL"), secrets.get("apiKey").asText(), secrets.get("apiSecret").asText(),
                file.path("reportToken").asText(null), file.path("fingerprint").asText("unknown"),
                params.path("symbol").asText("BTCUSDT"), params.path("fast").asInt(9), params.path("slow").asInt(21),
                params.path("interval").asText("1m"), decimal(params, "quoteFraction", "0.1"),
                decimal(params, "stopLossPct", "2"), decimal(params, "takeProfitPct", "3"));
        config.check();
        return config;
    }

    private void check() {
        if (!symbol.matches("[A-Z0-9]{2,20}")) {
            throw new IllegalArgumentException("symbol must be a market such as BTCUSDT");
        }
        if (fast < 1 || slow <= fast || slow > 500) {
            throw new IllegalArgumentException("fast and slow must satisfy 1 <= fast < slow <= 500");
        }
        if (!INTERVALS.contains(interval)) {
            throw new IllegalArgumentException("interval must be one of 1s, 1m, 5m, 15m, 1h");
        }
        if (quoteFraction.signum() <= 0 || quoteFraction.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("quoteFraction must be above 0 and at most 1");
        }
        if (stopLossPct.signum() <= 0 || stopLossPct.compareTo(new BigDecimal("50")) > 0
                || takeProfitPct.signum() < 0 || takeProfitPct.compareTo(new BigDecimal("100")) > 0) {
            throw new IllegalArgumentException("stopLossPct must be in (0, 50] and takeProfitPct in [0, 100] (0: none)");
        }
    }

    private static BigDecimal decimal(JsonNode params, String name, String otherwise) {
        JsonNode value = params.get(name);
        try {
            return value == null ? new BigDecimal(otherwise) : new BigDecimal(value.asText());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number");
        }
    }

    private static String required(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is not set; is this run by Knag?");
        }
        return value;
    }

    @Override
    public String toString() {
        return "BotConfig[botId=" + botId + ", symbol=" + symbol + ", fast=" + fast + ", slow=" + slow + ", interval="
                + interval + ", quoteFraction=" + quoteFraction + ", stopLossPct=" + stopLossPct + ", takeProfitPct="
                + takeProfitPct + ", credential=" + fingerprint + "]";
    }
}
