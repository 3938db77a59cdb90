package io.knag.paper.internal;

import io.knag.paper.application.MarketData;
import io.knag.paper.domain.Candle;
import io.knag.paper.domain.Decimals;
import io.knag.paper.domain.Interval;
import io.knag.paper.domain.Market;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The default market data: for each market a seeded random walk, the same on every host and every run. Hourly
 * anchor prices walk from the market's start price (slowly pulled back to it) through volatility regimes, calm
 * or three times as wild, that last hours; within an hour the price at each second is a Brownian bridge between
 * two anchors, so any second is computed from its own hour alone. Time starts at {@link #ORIGIN}.
 */
final class SyntheticMarket implements MarketData {

    static final long ORIGIN = Instant.parse("2020-01-01T00:00:00Z").getEpochSecond();

    private final long seed;
    private final Map<String, SyntheticWalk> walks = new ConcurrentHashMap<>();

    SyntheticMarket(long seed) {
        this.seed = seed;
    }

    @Override
    public BigDecimal price(Market market, Instant at) {
        long second = Math.max(at.getEpochSecond(), ORIGIN);
        return market.roundToTick(walk(market).hour(hourOf(second)).open(offset(second)));
    }

    @Override
    public List<Candle> candles(Market market, Interval interval, Instant from, Instant to, int limit, Instant now) {
        long step = interval.seconds();
        long nowSecond = now.getEpochSecond();
        long first = Math.max(Math.floorDiv(Math.max(from.getEpochSecond(), ORIGIN) + step - 1, step) * step,
                Math.floorDiv(ORIGIN, step) * step);
        long last = Math.min(to.getEpochSecond(), nowSecond);
        List<Candle> candles = new ArrayList<>();
        for (long open = first; open <= last && candles.size() < limit; open += step) {
            candles.add(candle(market, open, open + step, Math.min(open + step, nowSecond)));
        }
        return candles;
    }

    @Override
    public Candle range(Market market, Instant from, Instant to) {
        long start = Math.max(from.getEpochSecond(), ORIGIN);
        long end = Math.max(to.getEpochSecond(), start + 1);
        Candle merged = null;
        for (long hourStart = start; hourStart < end; hourStart = (hourOf(hourStart) + 1) * 3600 + ORIGIN) {
            long hourEnd = Math.min(end, (hourOf(hourStart) + 1) * 3600 + ORIGIN);
            Candle part = candle(market, hourStart, hourEnd, hourEnd);
            merged = merged == null ? part : merged.merge(part);
        }
        return merged;
    }

    /** The candle over {@code [open, close)} of which the seconds up to {@code done} have passed. */
    private Candle candle(Market market, long open, long close, long done) {
        SyntheticWalk.Hour hour = walk(market).hour(hourOf(open));
        int from = offset(open);
        int to = Math.max(from, (int) (done - open) + from);
        double first = hour.open(from);
        double high = first;
        double low = first;
        double volume = 0;
        int trades = 0;
        for (int i = from; i < to; i++) {
            high = Math.max(high, hour.high(i));
            low = Math.min(low, hour.low(i));
            volume += hour.volume(i);
            trades += hour.trades(i);
        }
        double last = to > from ? hour.close(to - 1) : first;
        return new Candle(Instant.ofEpochSecond(open), Instant.ofEpochSecond(close).minusMillis(1),
                market.roundToTick(first), market.roundToTick(high), market.roundToTick(low), market.roundToTick(last),
                Decimals.floor(BigDecimal.valueOf(volume), market.stepSize()), trades);
    }

    private SyntheticWalk walk(Market market) {
        return walks.computeIfAbsent(market.symbol(), symbol -> new SyntheticWalk(seed, market));
    }

    private static long hourOf(long second) {
        return Math.floorDiv(second - ORIGIN, 3600);
    }

    private static int offset(long second) {
        return (int) Math.floorMod(second - ORIGIN, 3600);
    }
}
