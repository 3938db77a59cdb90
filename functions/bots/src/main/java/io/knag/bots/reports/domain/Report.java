package io.knag.bots.reports.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/** A bot's report, by kind, with its data checked (docs/bot-contract.md#reporting-back). */
public sealed interface Report {

    Set<String> SIDES = Set.of("BUY", "SELL");

    /** Parses and checks the data of a report of {@code kind}. */
    static Report of(ReportKind kind, Map<String, Object> data) {
        return switch (kind) {
            case HEARTBEAT -> Heartbeat.of(new ReportData(data, "status"));
            case ORDER_PLACED -> OrderPlaced.of(new ReportData(data, "orderId", "clientOrderId", "symbol", "side", "type",
                    "quantity", "price"));
            case TRADE_FILLED -> TradeFilled.of(new ReportData(data, "tradeId", "orderId", "symbol", "side", "price",
                    "quantity", "quoteQuantity", "commission", "commissionAsset", "time"));
            case EQUITY_REPORTED -> EquityReported.of(new ReportData(data, "equity", "asset"));
        };
    }

    record Heartbeat(String status) implements Report {
        static Heartbeat of(ReportData d) {
            return new Heartbeat(d.text("status", 200, false));
        }
    }

    record OrderPlaced(String orderId, String clientOrderId, String symbol, String side, String type, BigDecimal quantity,
                       BigDecimal price) implements Report {
        static OrderPlaced of(ReportData d) {
            return new OrderPlaced(d.id("orderId", true), d.id("clientOrderId", false), d.symbol(true),
                    d.choice("side", SIDES, true), d.choice("type", Set.of("MARKET", "LIMIT"), true),
                    d.decimal("quantity", false), d.decimal("price", false));
        }
    }

    /**
     * A fill: for a broker the platform runs (paper) only {@code tradeId} counts, the rest is the exchange's; for
     * another broker, what the bot says is what is recorded, marked as reported.
     */
    record TradeFilled(String tradeId, String orderId, String symbol, String side, BigDecimal price, BigDecimal quantity,
                       BigDecimal quoteQuantity, BigDecimal commission, String commissionAsset, Instant time)
            implements Report {
        static TradeFilled of(ReportData d) {
            return new TradeFilled(d.id("tradeId", true), d.id("orderId", false), d.symbol(false), d.choice("side", SIDES, false),
                    d.decimal("price", false), d.decimal("quantity", false), d.decimal("quoteQuantity", false),
                    d.decimal("commission", false), d.asset("commissionAsset", false), d.time("time"));
        }

        /** The fields a reported (not exchange-checked) trade must have. */
        public TradeFilled complete() {
            if (symbol == null || side == null || price == null || quantity == null) {
                throw new ReportRejected("a trade on this broker needs symbol, side, price and quantity");
            }
            return this;
        }
    }

    record EquityReported(BigDecimal equity, String asset) implements Report {
        static EquityReported of(ReportData d) {
            return new EquityReported(d.decimal("equity", true), d.asset("asset", true));
        }
    }
}
