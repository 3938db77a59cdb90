package io.knag.paper.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MatchingEngineTest {

    static final Market BTC = Markets.standard().find("BTCUSDT");
    static final BigDecimal PRICE = new BigDecimal("50000.00");

    final MatchingEngine engine = new MatchingEngine(new MatchingRules(new BigDecimal("0.001"), new BigDecimal("0.002"),
            new BigDecimal("0.001")));

    @Test
    void marketBuyPaysPriceAndSlippageAndTheFeeComesOutOfTheBase() {
        Execution fill = fills(market(Side.BUY, "0.10000", null));
        assertThat(fill.price()).isEqualByComparingTo("50050.00");
        assertThat(fill.quoteQuantity()).isEqualByComparingTo("5005.00");
        assertThat(fill.commission()).isEqualByComparingTo("0.0002");
        assertThat(fill.commissionAsset()).isEqualTo("BTC");
        assertThat(fill.maker()).isFalse();
        assertThat(fill.changes()).containsExactly(BalanceChange.debit("USDT", new BigDecimal("5005.00")),
                BalanceChange.credit("BTC", new BigDecimal("0.0998")));
    }

    @Test
    void marketSellGetsPriceLessSlippageAndTheFeeComesOutOfTheQuote() {
        Execution fill = fills(market(Side.SELL, "0.10000", null));
        assertThat(fill.price()).isEqualByComparingTo("49950.00");
        assertThat(fill.commission()).isEqualByComparingTo("9.99");
        assertThat(fill.changes()).containsExactly(BalanceChange.debit("BTC", new BigDecimal("0.1")),
                BalanceChange.credit("USDT", new BigDecimal("4985.01")));
    }

    @Test
    void aQuoteAmountBuysWhatItAffordsOnTheStep() {
        Execution fill = fills(market(Side.BUY, null, "1000"));
        assertThat(fill.quantity()).isEqualByComparingTo("0.01998");
        assertThat(fill.quoteQuantity()).isLessThanOrEqualTo(new BigDecimal("1000"));
    }

    @Test
    void aLimitAwayFromThePriceRestsHoldingItsCost() {
        Decision decision = engine.submit(BTC, limit(Side.BUY, "0.01", "40000.00"), PRICE);
        assertThat(decision).isEqualTo(new Decision.Rests(BalanceChange.lock("USDT", new BigDecimal("400"))));
        Decision sell = engine.submit(BTC, limit(Side.SELL, "0.01", "60000.00"), PRICE);
        assertThat(sell).isEqualTo(new Decision.Rests(BalanceChange.lock("BTC", new BigDecimal("0.01"))));
    }

    @Test
    void aLimitThePriceAlreadyCrossesFillsAtOnceNeverBeyondItsLimit() {
        Execution fill = fills(limit(Side.BUY, "0.01", "50020.00"));
        assertThat(fill.price()).as("slipped price capped at the limit").isEqualByComparingTo("50020.00");
        assertThat(fill.maker()).isFalse();
        Execution better = fills(limit(Side.BUY, "0.01", "60000.00"));
        assertThat(better.price()).isEqualByComparingTo("50050.00");
    }

    @Test
    void restingOrdersFillWhenTheRangeReachesThemBestFirstAndOnlyOnce() {
        UUID account = UUID.randomUUID();
        engine.rest(new RestingOrder(1, account, "BTCUSDT", Side.BUY, new BigDecimal("49000.00"), new BigDecimal("0.01")));
        engine.rest(new RestingOrder(2, account, "BTCUSDT", Side.BUY, new BigDecimal("49500.00"), new BigDecimal("0.01")));
        engine.rest(new RestingOrder(3, account, "BTCUSDT", Side.SELL, new BigDecimal("51000.00"), new BigDecimal("0.01")));
        engine.rest(new RestingOrder(3, account, "BTCUSDT", Side.SELL, new BigDecimal("51000.00"), new BigDecimal("0.01")));
        assertThat(engine.resting("BTCUSDT")).isEqualTo(3);

        assertThat(engine.crossed("BTCUSDT", new BigDecimal("49600"), new BigDecimal("50500"))).isEmpty();
        List<RestingOrder> crossed = engine.crossed("BTCUSDT", new BigDecimal("49200"), new BigDecimal("51000"));
        assertThat(crossed).extracting(RestingOrder::orderId).containsExactly(2L, 3L);
        assertThat(engine.crossed("BTCUSDT", new BigDecimal("49200"), new BigDecimal("51000"))).isEmpty();
        assertThat(engine.withdraw("BTCUSDT", 1)).isTrue();
        assertThat(engine.withdraw("BTCUSDT", 1)).isFalse();
    }

    @Test
    void aRestingFillIsAtItsLimitAsMakerAndSpendsWhatWasLocked() {
        RestingOrder order = new RestingOrder(7, UUID.randomUUID(), "BTCUSDT", Side.BUY, new BigDecimal("49000.00"),
                new BigDecimal("0.02"));
        Execution fill = engine.fillResting(BTC, order);
        assertThat(fill.maker()).isTrue();
        assertThat(fill.price()).isEqualByComparingTo("49000.00");
        assertThat(fill.commission()).isEqualByComparingTo("0.00002");
        assertThat(fill.changes().get(0)).isEqualTo(BalanceChange.spendLocked("USDT", order.reserve(BTC).locked()));
    }

    @Test
    void filtersRefuseInTheExchangesWords() {
        assertThatThrownBy(() -> engine.submit(BTC, limit(Side.BUY, "0.01", "40000.005"), PRICE))
                .hasMessage("Filter failure: PRICE_FILTER");
        assertThatThrownBy(() -> engine.submit(BTC, market(Side.BUY, "0.000015", null), PRICE))
                .hasMessage("Filter failure: LOT_SIZE");
        assertThatThrownBy(() -> engine.submit(BTC, market(Side.BUY, "0.00001", null), PRICE))
                .hasMessage("Filter failure: NOTIONAL");
        assertThatThrownBy(() -> engine.submit(BTC, market(Side.BUY, "10000", null), PRICE))
                .hasMessage("Filter failure: LOT_SIZE");
        assertThatThrownBy(() -> engine.submit(BTC, market(Side.BUY, null, "1"), PRICE))
                .isInstanceOfSatisfying(ExchangeRejected.class, e -> assertThat(e.rejection()).isEqualTo(Rejection.INVALID_MESSAGE));
    }

    private Execution fills(OrderRequest order) {
        Decision decision = engine.submit(BTC, order, PRICE);
        assertThat(decision).isInstanceOf(Decision.Fills.class);
        return ((Decision.Fills) decision).execution();
    }

    static OrderRequest market(Side side, String quantity, String quote) {
        return new OrderRequest("BTCUSDT", side, OrderType.MARKET, null, quantity == null ? null : new BigDecimal(quantity),
                quote == null ? null : new BigDecimal(quote), null, null);
    }

    static OrderRequest limit(Side side, String quantity, String price) {
        return new OrderRequest("BTCUSDT", side, OrderType.LIMIT, "GTC", new BigDecimal(quantity), null,
                new BigDecimal(price), null);
    }
}
