package io.knag.paper.application;

import io.knag.paper.domain.Candle;
import io.knag.paper.domain.Interval;
import io.knag.paper.domain.Market;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Where prices come from: a seeded synthetic feed by default, a replay of recorded candles when the operator
 * configures one. Deterministic: the same instant gives the same price on every host.
 */
public interface MarketData {

    /** The price at {@code at}, on the market's tick. */
    BigDecimal price(Market market, Instant at);

    /**
     * The candles of {@code interval} that open in {@code [from, to]}, oldest first, at most {@code limit}; the last
     * may be the one still open at {@code now}, closing at the price of {@code now}.
     */
    List<Candle> candles(Market market, Interval interval, Instant from, Instant to, int limit, Instant now);

    /** One candle over whole seconds {@code [from, to)}: its low and high are how far the price went. */
    Candle range(Market market, Instant from, Instant to);
}
