package io.knag.paper.domain;

import java.math.BigDecimal;
import java.time.Instant;

/** One candle: the prices of an interval from {@code openTime} (inclusive) to {@code closeTime} (inclusive, ms). */
public record Candle(Instant openTime, Instant closeTime, BigDecimal open, BigDecimal high, BigDecimal low,
                     BigDecimal close, BigDecimal volume, int trades) {

    /** This candle and the next one as one candle. */
    public Candle merge(Candle next) {
        return new Candle(openTime, next.closeTime, open, high.max(next.high), low.min(next.low), next.close,
                volume.add(next.volume), trades + next.trades);
    }

    public BigDecimal quoteVolume() {
        return Decimals.of(volume.multiply(close));
    }
}
