package io.knag.bots.reports.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PerformanceTest {

    static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");

    @Test
    void averageCostGivesRealizedPnlFeesAndTheWinRate() {
        List<Trade> trades = List.of(
                trade(0, "BUY", "100", "1", "0.001", "BTC"),      // 1 BTC for 100, fee 0.001 BTC: holds 0.999 for 100
                trade(1, "BUY", "200", "1", "0.2", "USDT"),       // 1 BTC for 200 + 0.2: holds 1.999 for 300.2
                trade(2, "SELL", "180", "1", "0.18", "USDT"),     // sells 1 at 180 - 0.18; cost 300.2/1.999
                trade(3, "SELL", "140", "0.999", "0.1", "USDT")); // sells the rest: a loss
        Performance p = Performance.of(trades, List.of());
        BigDecimal firstCost = new BigDecimal("300.2").divide(new BigDecimal("1.999"), java.math.MathContext.DECIMAL64);
        BigDecimal first = new BigDecimal("179.82").subtract(firstCost);
        BigDecimal second = new BigDecimal("139.76").subtract(new BigDecimal("300.2").subtract(firstCost));
        assertThat(p.realizedPnl().doubleValue()).isCloseTo(first.add(second).doubleValue(), org.assertj.core.api.Assertions.within(1e-6));
        assertThat(p.fees()).isEqualByComparingTo("0.58"); // 0.001 BTC at 100 + 0.2 + 0.18 + 0.1
        assertThat(p.tradeCount()).isEqualTo(4);
        assertThat(p.winRate()).isEqualByComparingTo("0.5");
        assertThat(p.since()).isEqualTo(T0);
    }

    @Test
    void sellingWhatTheBotDidNotBuyHasNoCostBasisAndNoResult() {
        Performance p = Performance.of(List.of(trade(0, "SELL", "100", "1", "0", "USDT")), List.of());
        assertThat(p.realizedPnl()).isZero();
        assertThat(p.winRate()).isNull();
    }

    @Test
    void drawdownIsTheLargestFallFromAPeak() {
        List<EquityPoint> equity = List.of(point(0, "100"), point(1, "120"), point(2, "90"), point(3, "130"), point(4, "117"));
        Performance p = Performance.of(List.of(), equity);
        assertThat(p.maxDrawdown()).isEqualByComparingTo("0.25");
        assertThat(p.lastEquity()).isEqualByComparingTo("117");
        assertThat(p.since()).isEqualTo(T0);
        assertThat(Performance.of(List.of(), List.of(point(0, "5"))).maxDrawdown()).isNull();
    }

    @Test
    void aLongSeriesIsSampledKeepingItsEnds() {
        List<EquityPoint> equity = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            equity.add(point(i, Integer.toString(1000 + i)));
        }
        List<EquityPoint> sampled = Performance.of(List.of(), equity).equity();
        assertThat(sampled).hasSize(Performance.MOST_POINTS);
        assertThat(sampled.get(0)).isEqualTo(equity.get(0));
        assertThat(sampled.get(sampled.size() - 1)).isEqualTo(equity.get(1999));
    }

    private static Trade trade(int minute, String side, String price, String quantity, String commission, String asset) {
        BigDecimal p = new BigDecimal(price);
        BigDecimal q = new BigDecimal(quantity);
        return new Trade("t" + minute, "o" + minute, "BTCUSDT", side, p, q, p.multiply(q), new BigDecimal(commission), asset,
                T0.plusSeconds(60L * minute), Trade.EXCHANGE);
    }

    private static EquityPoint point(int minute, String equity) {
        return new EquityPoint(T0.plusSeconds(60L * minute), new BigDecimal(equity), "USDT");
    }
}
