package io.knag.referencebot;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The trading loop: at each closed candle ask the strategy, and act: enter with a market buy of a share of the
 * free quote asset (and a resting take-profit sell), exit with a market sell of what it bought. Every order and
 * fill is reported; so are a heartbeat every 5 s and the account's worth every 10 s.
 */
final class Trader {

    private static final String PREFIX = "kref-";

    private final BotConfig config;
    private final ExchangeClient exchange;
    private final Reporter reporter;
    private final Crossover strategy;
    private String base;
    private String quote;
    private BigDecimal stepSize;
    private BigDecimal tickSize;
    private BigDecimal holding = BigDecimal.ZERO;
    private Long takeProfitOrder;
    private Instant lastCandle;
    private Instant lastHeartbeat = Instant.EPOCH;
    private Instant lastEquity = Instant.EPOCH;
    private int orders;
    private volatile boolean running = true;

    Trader(BotConfig config, ExchangeClient exchange, Reporter reporter) {
        this.config = config;
        this.exchange = exchange;
        this.reporter = reporter;
        this.strategy = new Crossover(config.fast(), config.slow(), duration(config.interval()), config.stopLossPct());
    }

    void run() throws IOException, InterruptedException {
        market();
        cancelOpenOrders("left from an earlier run");
        say("trading " + config.symbol() + ": buy when SMA(" + config.fast() + ") crosses above SMA(" + config.slow()
                + ") of " + config.interval() + " closes, spending " + config.quoteFraction().movePointRight(2).stripTrailingZeros()
                .toPlainString() + "% of free " + quote + "; sell when it crosses below, or " + config.stopLossPct()
                + "% under the entry" + (config.takeProfitPct().signum() > 0 ? ", or at +" + config.takeProfitPct() + "%" : ""));
        while (running) {
            try {
                step();
            } catch (ExchangeClient.ExchangeError e) {
                say("the exchange refused: " + e.getMessage() + "; trying again at the next candle");
            } catch (IOException e) {
                say("the exchange did not answer (" + e.getClass().getSimpleName() + "); trying again");
            }
            Thread.sleep(config.interval().equals("1s") ? 1000 : 5000);
        }
    }

    /** SIGTERM: leave no order behind. */
    void stop() {
        running = false;
        try {
            cancelOpenOrders("stopping");
            reporter.report("io.knag.bot.heartbeat", Map.of("status", "stopping"));
        } catch (IOException | InterruptedException e) {
            say("could not cancel the open orders while stopping (" + e.getClass().getSimpleName() + ")");
        }
    }

    private void step() throws IOException, InterruptedException {
        heartbeat();
        checkTakeProfit();
        List<Crossover.Close> closes = closedCandles();
        if (closes.isEmpty() || closes.get(closes.size() - 1).openTime().equals(lastCandle)) {
            return;
        }
        lastCandle = closes.get(closes.size() - 1).openTime();
        Crossover.Decision decision = strategy.decide(closes, holding.signum() > 0);
        switch (decision.signal()) {
            case ENTER -> enter(decision);
            case EXIT -> exit(decision);
            case NONE -> { }
        }
        equity(closes.get(closes.size() - 1).price());
    }

    private void enter(Crossover.Decision decision) throws IOException, InterruptedException {
        BigDecimal free = balances().getOrDefault(quote, new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO})[0];
        BigDecimal spend = free.multiply(config.quoteFraction()).setScale(2, RoundingMode.DOWN);
        say("buy signal at " + decision.close() + ": " + decision.why() + " (fast " + round(decision.fast()) + ", slow "
                + round(decision.slow()) + "); spending " + spend + " " + quote);
        if (spend.compareTo(BigDecimal.TEN) < 0) {
            say("not buying: " + spend + " " + quote + " is below the smallest order worth placing");
            return;
        }
        JsonNode order = place(Map.of("side", "BUY", "type", "MARKET", "quoteOrderQty", spend.toPlainString()));
        BigDecimal bought = new BigDecimal(order.path("executedQty").asText("0"));
        for (JsonNode fill : order.path("fills")) {
            if (fill.path("commissionAsset").asText().equals(base)) {
                bought = bought.subtract(new BigDecimal(fill.path("commission").asText("0")));
            }
        }
        holding = floorToStep(bought);
        BigDecimal paid = new BigDecimal(order.path("cummulativeQuoteQty").asText("0"));
        BigDecimal average = paid.divide(new BigDecimal(order.path("executedQty").asText("1")), 8, RoundingMode.HALF_UP);
        strategy.entered(average, holding);
        say("bought " + holding.toPlainString() + " " + base + " at " + round(average) + " (order " + order.path("orderId").asText() + ")");
        if (config.takeProfitPct().signum() > 0 && holding.signum() > 0) {
            BigDecimal target = average.multiply(BigDecimal.ONE.add(config.takeProfitPct().movePointLeft(2)))
                    .divide(tickSize, 0, RoundingMode.CEILING).multiply(tickSize);
            JsonNode limit = place(Map.of("side", "SELL", "type", "LIMIT", "timeInForce", "GTC",
                    "quantity", holding.toPlainString(), "price", target.toPlainString()));
            takeProfitOrder = limit.path("orderId").asLong();
            say("take-profit sell of " + holding.toPlainString() + " " + base + " resting at " + target.toPlainString());
        }
    }

    private void exit(Crossover.Decision decision) throws IOException, InterruptedException {
        say("sell signal at " + decision.close() + ": " + decision.why() + " (fast " + round(decision.fast()) + ", slow "
                + round(decision.slow()) + ")");
        cancelTakeProfit();
        if (holding.signum() <= 0) {
            return;
        }
        JsonNode order = place(Map.of("side", "SELL", "type", "MARKET", "quantity", holding.toPlainString()));
        BigDecimal received = new BigDecimal(order.path("cummulativeQuoteQty").asText("0"));
        BigDecimal price = received.divide(new BigDecimal(order.path("executedQty").asText("1")), 8, RoundingMode.HALF_UP);
        strategy.exited(price, holding);
        say("sold " + holding.toPlainString() + " " + base + " at " + round(price) + " (order " + order.path("orderId").asText() + ")");
        holding = BigDecimal.ZERO;
    }

    private void checkTakeProfit() throws IOException, InterruptedException {
        if (takeProfitOrder == null) {
            return;
        }
        JsonNode order = exchange.signed("GET", "/api/v3/order", Map.of("symbol", config.symbol(),
                "orderId", Long.toString(takeProfitOrder)));
        if (!order.path("status").asText().equals("FILLED")) {
            return;
        }
        JsonNode trades = exchange.signed("GET", "/api/v3/myTrades", Map.of("symbol", config.symbol(),
                "orderId", Long.toString(takeProfitOrder)));
        for (JsonNode trade : trades) {
            reportTrade(trade.path("id").asText(), trade.path("orderId").asText(), "SELL", trade.path("price").asText(),
                    trade.path("qty").asText(), trade.path("commission").asText(), trade.path("commissionAsset").asText());
        }
        BigDecimal price = new BigDecimal(order.path("price").asText());
        strategy.exited(price, holding);
        say("take-profit sell filled at " + round(price) + ": sold " + holding.toPlainString() + " " + base);
        holding = BigDecimal.ZERO;
        takeProfitOrder = null;
    }

    private void cancelTakeProfit() throws IOException, InterruptedException {
        if (takeProfitOrder == null) {
            return;
        }
        try {
            exchange.signed("DELETE", "/api/v3/order", Map.of("symbol", config.symbol(), "orderId", Long.toString(takeProfitOrder)));
            say("cancelled the take-profit order " + takeProfitOrder);
        } catch (ExchangeClient.ExchangeError e) {
            say("the take-profit order " + takeProfitOrder + " is no longer open");
        }
        takeProfitOrder = null;
    }

    private void cancelOpenOrders(String why) throws IOException, InterruptedException {
        for (JsonNode order : exchange.signed("GET", "/api/v3/openOrders", Map.of("symbol", config.symbol()))) {
            if (order.path("clientOrderId").asText().startsWith(PREFIX)) {
                exchange.signed("DELETE", "/api/v3/order", Map.of("symbol", config.symbol(), "orderId",
                        order.path("orderId").asText()));
                say(why + ": cancelled open order " + order.path("orderId").asText());
            }
        }
    }

    private JsonNode place(Map<String, String> fields) throws IOException, InterruptedException {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("symbol", config.symbol());
        params.putAll(fields);
        params.put("newClientOrderId", PREFIX + config.botId().substring(0, 8) + "-" + System.currentTimeMillis() + "-" + ++orders);
        JsonNode order = exchange.signed("POST", "/api/v3/order", params);
        Map<String, Object> placed = new LinkedHashMap<>();
        placed.put("orderId", order.path("orderId").asText());
        placed.put("clientOrderId", order.path("clientOrderId").asText());
        placed.put("symbol", config.symbol());
        placed.put("side", fields.get("side"));
        placed.put("type", fields.get("type"));
        placed.put("quantity", order.path("origQty").asText());
        if (fields.containsKey("price")) {
            placed.put("price", fields.get("price"));
        }
        reporter.report("io.knag.bot.order.placed", placed);
        for (JsonNode fill : order.path("fills")) {
            reportTrade(fill.path("tradeId").asText(), order.path("orderId").asText(), fields.get("side"),
                    fill.path("price").asText(), fill.path("qty").asText(), fill.path("commission").asText(),
                    fill.path("commissionAsset").asText());
        }
        return order;
    }

    private void reportTrade(String tradeId, String orderId, String side, String price, String quantity, String commission,
                             String commissionAsset) {
        Map<String, Object> trade = new LinkedHashMap<>();
        trade.put("tradeId", tradeId);
        trade.put("orderId", orderId);
        trade.put("symbol", config.symbol());
        trade.put("side", side);
        trade.put("price", price);
        trade.put("quantity", quantity);
        trade.put("commission", commission);
        trade.put("commissionAsset", commissionAsset);
        reporter.report("io.knag.bot.trade.filled", trade);
    }

    private void heartbeat() {
        if (Instant.now().isAfter(lastHeartbeat.plusSeconds(5))) {
            lastHeartbeat = Instant.now();
            reporter.report("io.knag.bot.heartbeat", Map.of("status", holding.signum() > 0 ? "holding " + holding.toPlainString()
                    + " " + base : "waiting for a buy signal"));
        }
    }

    private void equity(BigDecimal price) throws IOException, InterruptedException {
        if (Instant.now().isBefore(lastEquity.plusSeconds(10))) {
            return;
        }
        lastEquity = Instant.now();
        Map<String, BigDecimal[]> balances = balances();
        BigDecimal[] q = balances.getOrDefault(quote, new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
        BigDecimal[] b = balances.getOrDefault(base, new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
        BigDecimal worth = q[0].add(q[1]).add(b[0].add(b[1]).multiply(price)).setScale(8, RoundingMode.HALF_EVEN);
        reporter.report("io.knag.bot.equity.reported", Map.of("equity", worth.toPlainString(), "asset", quote));
    }

    private Map<String, BigDecimal[]> balances() throws IOException, InterruptedException {
        Map<String, BigDecimal[]> balances = new LinkedHashMap<>();
        for (JsonNode balance : exchange.signed("GET", "/api/v3/account", Map.of()).path("balances")) {
            balances.put(balance.path("asset").asText(), new BigDecimal[] {new BigDecimal(balance.path("free").asText("0")),
                    new BigDecimal(balance.path("locked").asText("0"))});
        }
        return balances;
    }

    private List<Crossover.Close> closedCandles() throws IOException, InterruptedException {
        JsonNode klines = exchange.get("/api/v3/klines", Map.of("symbol", config.symbol(), "interval", config.interval(),
                "limit", Integer.toString(strategy.candlesNeeded() + 1)));
        List<Crossover.Close> closes = new ArrayList<>();
        for (int i = 0; i < klines.size() - 1; i++) { // the last candle is still open
            closes.add(new Crossover.Close(Instant.ofEpochMilli(klines.get(i).get(0).asLong()), new BigDecimal(klines.get(i).get(4).asText())));
        }
        return closes;
    }

    private void market() throws IOException, InterruptedException {
        JsonNode symbol = exchange.get("/api/v3/exchangeInfo", Map.of("symbol", config.symbol())).path("symbols").path(0);
        base = symbol.path("baseAsset").asText();
        quote = symbol.path("quoteAsset").asText();
        for (JsonNode filter : symbol.path("filters")) {
            switch (filter.path("filterType").asText()) {
                case "LOT_SIZE" -> stepSize = new BigDecimal(filter.path("stepSize").asText());
                case "PRICE_FILTER" -> tickSize = new BigDecimal(filter.path("tickSize").asText());
                default -> { }
            }
        }
        if (stepSize == null || tickSize == null) {
            throw new IOException("the exchange does not describe " + config.symbol() + "'s lot and price filters");
        }
    }

    private BigDecimal floorToStep(BigDecimal quantity) {
        return quantity.divide(stepSize, 0, RoundingMode.FLOOR).multiply(stepSize).stripTrailingZeros();
    }

    private static String round(BigDecimal value) {
        return value == null ? "?" : value.setScale(2, RoundingMode.HALF_EVEN).toPlainString();
    }

    private static Duration duration(String interval) {
        return switch (interval) {
            case "1s" -> Duration.ofSeconds(1);
            case "5m" -> Duration.ofMinutes(5);
            case "15m" -> Duration.ofMinutes(15);
            case "1h" -> Duration.ofHours(1);
            default -> Duration.ofMinutes(1);
        };
    }

    private static void say(String line) {
        System.out.println(Instant.now() + " " + line);
        System.out.flush();
    }
}
