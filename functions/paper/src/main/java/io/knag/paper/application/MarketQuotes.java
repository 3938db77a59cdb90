package io.knag.paper.application;

import io.knag.paper.domain.Candle;
import io.knag.paper.domain.Decimals;
import io.knag.paper.domain.Interval;
import io.knag.paper.domain.Market;
import io.knag.paper.domain.Markets;
import io.knag.paper.domain.Rejection;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The exchange's public data: its markets, prices, candles and an order book. The paper exchange is every
 * trader's counterparty, so its book is made up around the price, the same for everyone at the same second.
 */
public final class MarketQuotes {

    public static final int DEFAULT_CANDLES = 500;
    public static final int MOST_CANDLES = 1000;
    public static final int DEFAULT_DEPTH = 100;
    public static final int MOST_DEPTH = 5000;

    private final Markets markets;
    private final MarketData marketData;
    private final Clock clock;

    public MarketQuotes(Markets markets, MarketData marketData, Clock clock) {
        this.markets = markets;
        this.marketData = marketData;
        this.clock = clock;
    }

    public Instant now() {
        return clock.instant();
    }

    public Collection<Market> markets() {
        return markets.all();
    }

    public Market market(String symbol) {
        return markets.find(symbol);
    }

    public BigDecimal price(Market market) {
        return marketData.price(market, now());
    }

    /** Candles opening in {@code [start, end]}; without a start, the {@code limit} latest up to the open one. */
    public List<Candle> candles(String symbol, String interval, Long start, Long end, Integer limit) {
        Market market = markets.find(symbol);
        Interval length = Interval.of(interval);
        int count = limit == null ? DEFAULT_CANDLES : limit;
        if (count < 1 || count > MOST_CANDLES) {
            throw Rejection.INVALID_PARAMETER.because("Data sent for parameter 'limit' is not valid.");
        }
        Instant now = now();
        Instant to = end == null ? now : Instant.ofEpochMilli(end);
        Instant from = start != null ? Instant.ofEpochMilli(start)
                : to.minusSeconds(length.seconds() * (count - 1)).minusMillis(to.toEpochMilli() % (length.seconds() * 1000));
        if (from.isAfter(to)) {
            throw Rejection.INVALID_PARAMETER.because("Data sent for parameter 'startTime' is not valid.");
        }
        return marketData.candles(market, length, from, to, count, now);
    }

    public Depth depth(String symbol, Integer limit) {
        Market market = markets.find(symbol);
        int levels = limit == null ? DEFAULT_DEPTH : limit;
        if (levels < 1) {
            throw Rejection.INVALID_PARAMETER.because("Data sent for parameter 'limit' is not valid.");
        }
        levels = Math.min(levels, MOST_DEPTH);
        Instant now = now();
        BigDecimal price = marketData.price(market, now);
        SplittableRandom random = new SplittableRandom(now.getEpochSecond() ^ ((long) market.symbol().hashCode() << 32));
        List<Depth.Level> bids = new ArrayList<>(levels);
        List<Depth.Level> asks = new ArrayList<>(levels);
        for (int k = 1; k <= levels; k++) {
            BigDecimal offset = market.tickSize().multiply(BigDecimal.valueOf(k));
            if (price.compareTo(offset) > 0) {
                bids.add(new Depth.Level(price.subtract(offset), size(market, price, random)));
            }
            asks.add(new Depth.Level(price.add(offset).subtract(market.tickSize()), size(market, price, random)));
        }
        return new Depth(now.toEpochMilli(), bids, asks);
    }

    private static BigDecimal size(Market market, BigDecimal price, SplittableRandom random) {
        double quote = 500 * (0.2 + Math.abs(random.nextGaussian()));
        BigDecimal quantity = Decimals.floor(BigDecimal.valueOf(quote / price.doubleValue()), market.stepSize());
        return quantity.max(market.minQty());
    }

    /** Bids best (highest) first, asks best (lowest) first. */
    public record Depth(long lastUpdateId, List<Level> bids, List<Level> asks) {

        public record Level(BigDecimal price, BigDecimal quantity) {
        }
    }
}
