package io.knag.http;

import io.knag.paper.application.MarketQuotes;
import io.knag.paper.application.PaperExchange.AccountState;
import io.knag.paper.application.Placed;
import io.knag.paper.domain.Candle;
import io.knag.paper.domain.Decimals;
import io.knag.paper.domain.Fill;
import io.knag.paper.domain.Market;
import io.knag.paper.domain.Order;
import io.knag.paper.domain.Permission;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The exchange API's answers, field for field and in its order, with amounts as eight-decimal strings. */
final class ExchangeAnswers {

    private static final String ZERO = "0.00000000";

    private ExchangeAnswers() {
    }

    static Map<String, Object> placed(Placed placed, String responseType) {
        Order o = placed.order();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("symbol", o.symbol());
        answer.put("orderId", o.id());
        answer.put("orderListId", -1);
        answer.put("clientOrderId", o.clientOrderId());
        answer.put("transactTime", o.time().toEpochMilli());
        if (responseType.equals("ACK")) {
            return answer;
        }
        quantities(answer, o);
        answer.put("origQuoteOrderQty", ZERO);
        answer.put("cummulativeQuoteQty", Decimals.text(o.cumulativeQuoteQty()));
        state(answer, o);
        answer.put("workingTime", o.time().toEpochMilli());
        answer.put("selfTradePreventionMode", "NONE");
        if (responseType.equals("FULL")) {
            answer.put("fills", placed.fill().map(fill -> List.of(Map.of("price", Decimals.text(fill.price()),
                    "qty", Decimals.text(fill.quantity()), "commission", Decimals.text(fill.commission()),
                    "commissionAsset", fill.commissionAsset(), "tradeId", fill.id()))).orElse(List.of()));
        }
        return answer;
    }

    private static void quantities(Map<String, Object> answer, Order o) {
        answer.put("price", Decimals.text(o.price()));
        answer.put("origQty", Decimals.text(o.origQty()));
        answer.put("executedQty", Decimals.text(o.executedQty()));
    }

    private static void state(Map<String, Object> answer, Order o) {
        answer.put("status", o.status().name());
        answer.put("timeInForce", "GTC");
        answer.put("type", o.type().name());
        answer.put("side", o.side().name());
    }

    static Map<String, Object> order(Order o) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("symbol", o.symbol());
        answer.put("orderId", o.id());
        answer.put("orderListId", -1);
        answer.put("clientOrderId", o.clientOrderId());
        quantities(answer, o);
        answer.put("cummulativeQuoteQty", Decimals.text(o.cumulativeQuoteQty()));
        state(answer, o);
        answer.put("stopPrice", ZERO);
        answer.put("icebergQty", ZERO);
        answer.put("time", o.time().toEpochMilli());
        answer.put("updateTime", o.updateTime().toEpochMilli());
        answer.put("isWorking", true);
        answer.put("workingTime", o.time().toEpochMilli());
        answer.put("origQuoteOrderQty", ZERO);
        answer.put("selfTradePreventionMode", "NONE");
        return answer;
    }

    static Map<String, Object> cancelled(Order o, String newClientOrderId) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("symbol", o.symbol());
        answer.put("origClientOrderId", o.clientOrderId());
        answer.put("orderId", o.id());
        answer.put("orderListId", -1);
        answer.put("clientOrderId", newClientOrderId);
        answer.put("transactTime", o.updateTime().toEpochMilli());
        quantities(answer, o);
        answer.put("cummulativeQuoteQty", Decimals.text(o.cumulativeQuoteQty()));
        state(answer, o);
        answer.put("selfTradePreventionMode", "NONE");
        return answer;
    }

    static Map<String, Object> account(AccountState state, BigDecimal makerFee, BigDecimal takerFee) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("makerCommission", makerFee.movePointRight(4).intValue());
        answer.put("takerCommission", takerFee.movePointRight(4).intValue());
        answer.put("buyerCommission", 0);
        answer.put("sellerCommission", 0);
        answer.put("commissionRates", Map.of("maker", Decimals.text(makerFee), "taker", Decimals.text(takerFee),
                "buyer", ZERO, "seller", ZERO));
        answer.put("canTrade", state.account().may(Permission.TRADE));
        answer.put("canWithdraw", state.account().may(Permission.WITHDRAW));
        answer.put("canDeposit", true);
        answer.put("brokered", false);
        answer.put("requireSelfTradePrevention", false);
        answer.put("preventSor", false);
        answer.put("updateTime", state.at().toEpochMilli());
        answer.put("accountType", "SPOT");
        answer.put("balances", state.balances().stream().map(b -> Map.of("asset", b.asset(),
                "free", Decimals.text(b.free()), "locked", Decimals.text(b.locked()))).toList());
        answer.put("permissions", List.of("SPOT"));
        answer.put("uid", Math.abs(state.account().id().getLeastSignificantBits() % 1_000_000_000L));
        return answer;
    }

    static Map<String, Object> trade(Fill f) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("symbol", f.symbol());
        answer.put("id", f.id());
        answer.put("orderId", f.orderId());
        answer.put("orderListId", -1);
        answer.put("price", Decimals.text(f.price()));
        answer.put("qty", Decimals.text(f.quantity()));
        answer.put("quoteQty", Decimals.text(f.quoteQuantity()));
        answer.put("commission", Decimals.text(f.commission()));
        answer.put("commissionAsset", f.commissionAsset());
        answer.put("time", f.time().toEpochMilli());
        answer.put("isBuyer", f.side() == io.knag.paper.domain.Side.BUY);
        answer.put("isMaker", f.maker());
        answer.put("isBestMatch", true);
        return answer;
    }

    static Map<String, Object> restrictions(io.knag.paper.domain.PaperAccount account) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("ipRestrict", false);
        answer.put("createTime", account.createdAt().toEpochMilli());
        answer.put("enableReading", true);
        answer.put("enableSpotAndMarginTrading", account.may(Permission.TRADE));
        answer.put("enableWithdrawals", account.may(Permission.WITHDRAW));
        answer.put("enableInternalTransfer", false);
        answer.put("enableMargin", false);
        answer.put("enableFutures", false);
        answer.put("permitsUniversalTransfer", false);
        answer.put("enableVanillaOptions", false);
        answer.put("enablePortfolioMarginTrading", false);
        return answer;
    }

    static Map<String, Object> exchangeInfo(Instant now, List<Market> markets) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("timezone", "UTC");
        answer.put("serverTime", now.toEpochMilli());
        answer.put("rateLimits", List.of());
        answer.put("exchangeFilters", List.of());
        answer.put("symbols", markets.stream().map(ExchangeAnswers::symbol).toList());
        return answer;
    }

    private static Map<String, Object> symbol(Market m) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("symbol", m.symbol());
        answer.put("status", "TRADING");
        answer.put("baseAsset", m.base());
        answer.put("baseAssetPrecision", Decimals.SCALE);
        answer.put("quoteAsset", m.quote());
        answer.put("quotePrecision", Decimals.SCALE);
        answer.put("quoteAssetPrecision", Decimals.SCALE);
        answer.put("baseCommissionPrecision", Decimals.SCALE);
        answer.put("quoteCommissionPrecision", Decimals.SCALE);
        answer.put("orderTypes", List.of("LIMIT", "MARKET"));
        answer.put("icebergAllowed", false);
        answer.put("ocoAllowed", false);
        answer.put("otoAllowed", false);
        answer.put("quoteOrderQtyMarketAllowed", true);
        answer.put("allowTrailingStop", false);
        answer.put("cancelReplaceAllowed", false);
        answer.put("isSpotTradingAllowed", true);
        answer.put("isMarginTradingAllowed", false);
        answer.put("filters", List.of(
                Map.of("filterType", "PRICE_FILTER", "minPrice", Decimals.text(m.tickSize()),
                        "maxPrice", Decimals.text(Market.MAX_PRICE), "tickSize", Decimals.text(m.tickSize())),
                Map.of("filterType", "LOT_SIZE", "minQty", Decimals.text(m.minQty()), "maxQty", Decimals.text(m.maxQty()),
                        "stepSize", Decimals.text(m.stepSize())),
                Map.of("filterType", "NOTIONAL", "minNotional", Decimals.text(m.minNotional()), "applyMinToMarket", true,
                        "maxNotional", "9000000.00000000", "applyMaxToMarket", false, "avgPriceMins", 0)));
        answer.put("permissions", List.of());
        answer.put("permissionSets", List.of(List.of("SPOT")));
        answer.put("defaultSelfTradePreventionMode", "NONE");
        answer.put("allowedSelfTradePreventionModes", List.of("NONE"));
        return answer;
    }

    static Map<String, Object> price(Market market, BigDecimal price) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("symbol", market.symbol());
        answer.put("price", Decimals.text(price));
        return answer;
    }

    static List<Object> candle(Candle c) {
        return List.of(c.openTime().toEpochMilli(), Decimals.text(c.open()), Decimals.text(c.high()), Decimals.text(c.low()),
                Decimals.text(c.close()), Decimals.text(c.volume()), c.closeTime().toEpochMilli(),
                Decimals.text(c.quoteVolume()), c.trades(), Decimals.text(c.volume().divide(BigDecimal.valueOf(2))),
                Decimals.text(c.quoteVolume().divide(BigDecimal.valueOf(2))), "0");
    }

    static Map<String, Object> depth(MarketQuotes.Depth depth) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("lastUpdateId", depth.lastUpdateId());
        answer.put("bids", depth.bids().stream().map(l -> List.of(Decimals.text(l.price()), Decimals.text(l.quantity()))).toList());
        answer.put("asks", depth.asks().stream().map(l -> List.of(Decimals.text(l.price()), Decimals.text(l.quantity()))).toList());
        return answer;
    }
}
