package io.knag.paper.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.knag.paper.domain.Candle;
import io.knag.paper.domain.Decimals;
import io.knag.paper.domain.Interval;
import io.knag.paper.domain.Market;
import io.knag.paper.domain.Markets;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SyntheticMarketTest {

    static final Market BTC = Markets.standard().find("BTCUSDT");
    static final Instant NOW = Instant.parse("2026-12-07T10:17:42.500Z");

    final SyntheticMarket market = new SyntheticMarket(42);

    @Test
    void theSameSeedGivesTheSamePricesEverywhereAndAnotherSeedOthers() {
        SyntheticMarket elsewhere = new SyntheticMarket(42);
        SyntheticMarket other = new SyntheticMarket(7);
        for (int i = 0; i < 50; i++) {
            Instant at = NOW.minusSeconds(i * 997L);
            assertThat(elsewhere.price(BTC, at)).isEqualTo(market.price(BTC, at));
        }
        assertThat(other.price(BTC, NOW)).isNotEqualTo(market.price(BTC, NOW));
    }

    @Test
    void pricesAreOnTheTickAndStayNearTheStartPrice() {
        for (int i = 0; i < 500; i++) {
            BigDecimal price = market.price(BTC, NOW.minusSeconds(i * 3607L));
            assertThat(Decimals.isMultiple(price, BTC.tickSize())).isTrue();
            assertThat(price).isBetween(BTC.startPrice().divide(BigDecimal.valueOf(5)), BTC.startPrice().multiply(BigDecimal.valueOf(5)));
        }
    }

    @Test
    void theWalkMovesSecondBySecond() {
        long distinct = java.util.stream.IntStream.range(0, 60)
                .mapToObj(i -> market.price(BTC, NOW.minusSeconds(i))).distinct().count();
        assertThat(distinct).isGreaterThan(30);
    }

    @Test
    void aMinuteCandleIsItsSixtySecondCandlesMerged() {
        Instant minute = Instant.parse("2026-12-07T09:30:00Z");
        List<Candle> seconds = market.candles(BTC, Interval.SECOND, minute, minute.plusSeconds(59), 1000, NOW);
        List<Candle> minutes = market.candles(BTC, Interval.MINUTE, minute, minute, 10, NOW);
        assertThat(seconds).hasSize(60);
        assertThat(minutes).hasSize(1);
        Candle merged = seconds.stream().reduce(Candle::merge).orElseThrow();
        Candle candle = minutes.get(0);
        assertThat(candle.open()).isEqualTo(merged.open());
        assertThat(candle.close()).isEqualTo(merged.close());
        assertThat(candle.high()).isEqualTo(merged.high());
        assertThat(candle.low()).isEqualTo(merged.low());
        assertThat(candle.closeTime()).isEqualTo(minute.plusSeconds(60).minusMillis(1));
        assertThat(candle.high()).isGreaterThanOrEqualTo(candle.open().max(candle.close()));
        assertThat(candle.low()).isLessThanOrEqualTo(candle.open().min(candle.close()));
        assertThat(seconds.get(1).open()).as("each second opens where the last closed").isEqualTo(seconds.get(0).close());
    }

    @Test
    void candlesStopAtTheOpenOneWhichClosesAtTheCurrentPrice() {
        List<Candle> candles = market.candles(BTC, Interval.MINUTE, NOW.minusSeconds(600), NOW, 1000, NOW);
        assertThat(candles).hasSize(10);
        Candle open = candles.get(candles.size() - 1);
        assertThat(open.openTime()).isEqualTo(Instant.parse("2026-12-07T10:17:00Z"));
        assertThat(open.close()).isEqualTo(market.price(BTC, NOW));
        assertThat(market.candles(BTC, Interval.MINUTE, NOW.minusSeconds(6000), NOW, 7, NOW)).hasSize(7);
    }

    @Test
    void aRangeAcrossHoursHoldsEverySecondsExtremes() {
        Instant from = Instant.parse("2026-12-07T08:59:30Z");
        Instant to = Instant.parse("2026-12-07T10:00:30Z");
        Candle range = market.range(BTC, from, to);
        List<Candle> hours = market.candles(BTC, Interval.MINUTE, from, to.minusSeconds(31), 1000, NOW);
        for (Candle minute : hours) {
            assertThat(range.low()).isLessThanOrEqualTo(minute.low());
            assertThat(range.high()).isGreaterThanOrEqualTo(minute.high());
        }
        assertThat(range.open()).isEqualTo(market.price(BTC, from));
    }
}
