package io.knag.referencebot;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.BaseStrategy;
import org.ta4j.core.BaseTradingRecord;
import org.ta4j.core.Strategy;
import org.ta4j.core.TradingRecord;
import org.ta4j.core.indicators.SMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.num.DecimalNum;
import org.ta4j.core.rules.CrossedDownIndicatorRule;
import org.ta4j.core.rules.CrossedUpIndicatorRule;
import org.ta4j.core.rules.StopLossRule;

/**
 * The strategy, with ta4j's indicators and rules: enter when the fast simple moving average of closes crosses
 * above the slow one, exit when it crosses below or the close falls {@code stopLossPct} under the entry.
 */
final class Crossover {

    /** One closed candle: when it opened and its close. */
    record Close(Instant openTime, BigDecimal price) {
    }

    enum Signal { ENTER, EXIT, NONE }

    /** What the strategy saw at the last closed candle, in words for the log. */
    record Decision(Signal signal, BigDecimal close, BigDecimal fast, BigDecimal slow, String why) {
    }

    private final int fast;
    private final int slow;
    private final Duration interval;
    private final BigDecimal stopLossPct;
    private final TradingRecord record = new BaseTradingRecord();
    private int trades;

    Crossover(int fast, int slow, Duration interval, BigDecimal stopLossPct) {
        this.fast = fast;
        this.slow = slow;
        this.interval = interval;
        this.stopLossPct = stopLossPct;
    }

    int candlesNeeded() {
        return slow + 1;
    }

    /** The signal at the last of {@code closes} (oldest first), given whether the bot holds a position. */
    Decision decide(List<Close> closes, boolean holding) {
        if (closes.size() < candlesNeeded()) {
            return new Decision(Signal.NONE, null, null, null, "waiting for " + candlesNeeded() + " candles, have " + closes.size());
        }
        BarSeries series = new BaseBarSeriesBuilder().withNumTypeOf(DecimalNum.class).build();
        for (Close close : closes) {
            series.addBar(interval, close.openTime().plus(interval).atZone(ZoneOffset.UTC), close.price(), close.price(),
                    close.price(), close.price(), 0);
        }
        ClosePriceIndicator price = new ClosePriceIndicator(series);
        SMAIndicator fastAverage = new SMAIndicator(price, fast);
        SMAIndicator slowAverage = new SMAIndicator(price, slow);
        Strategy strategy = new BaseStrategy(new CrossedUpIndicatorRule(fastAverage, slowAverage),
                new CrossedDownIndicatorRule(fastAverage, slowAverage).or(new StopLossRule(price, stopLossPct)));
        int last = series.getEndIndex();
        BigDecimal close = closes.get(closes.size() - 1).price();
        BigDecimal f = ((DecimalNum) fastAverage.getValue(last)).bigDecimalValue();
        BigDecimal s = ((DecimalNum) slowAverage.getValue(last)).bigDecimalValue();
        if (!holding && strategy.shouldEnter(last, record)) {
            return new Decision(Signal.ENTER, close, f, s, "the fast average crossed above the slow one");
        }
        if (holding && strategy.shouldExit(last, record)) {
            boolean crossed = new CrossedDownIndicatorRule(fastAverage, slowAverage).isSatisfied(last, record);
            return new Decision(Signal.EXIT, close, f, s, crossed ? "the fast average crossed below the slow one"
                    : "the price fell " + stopLossPct + "% under the entry (stop loss)");
        }
        return new Decision(Signal.NONE, close, f, s, holding ? "holding: no exit signal" : "no entry signal");
    }

    void entered(BigDecimal price, BigDecimal quantity) {
        record.enter(trades++, DecimalNum.valueOf(price), DecimalNum.valueOf(quantity));
    }

    void exited(BigDecimal price, BigDecimal quantity) {
        if (record.getCurrentPosition().isOpened()) {
            record.exit(trades++, DecimalNum.valueOf(price), DecimalNum.valueOf(quantity));
        }
    }
}
