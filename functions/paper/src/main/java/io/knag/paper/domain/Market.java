package io.knag.paper.domain;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A spot market and its filters, as Binance's exchangeInfo describes them: prices are multiples of
 * {@code tickSize}, quantities multiples of {@code stepSize} between {@code minQty} and {@code maxQty}, and an
 * order is worth at least {@code minNotional} of the quote asset. {@code startPrice} and {@code volatility}
 * (per second, as a fraction) drive the synthetic feed.
 */
public record Market(String symbol, String base, String quote, BigDecimal tickSize, BigDecimal stepSize,
                     BigDecimal minQty, BigDecimal maxQty, BigDecimal minNotional, BigDecimal startPrice,
                     double volatility) {

    public static final BigDecimal MAX_PRICE = new BigDecimal("1000000");

    public Market {
        Objects.requireNonNull(symbol, "symbol");
        if (!symbol.equals(base + quote) || tickSize.signum() <= 0 || stepSize.signum() <= 0
                || minQty.compareTo(maxQty) > 0 || volatility <= 0) {
            throw new IllegalArgumentException("market " + symbol + " is not consistent");
        }
        tickSize = Decimals.of(tickSize);
        stepSize = Decimals.of(stepSize);
        minQty = Decimals.of(minQty);
        maxQty = Decimals.of(maxQty);
        minNotional = Decimals.of(minNotional);
        startPrice = Decimals.of(startPrice);
    }

    public BigDecimal roundToTick(double price) {
        return Decimals.floor(BigDecimal.valueOf(Math.max(price, tickSize.doubleValue())), tickSize);
    }

    /** PRICE_FILTER: a limit price within range and on the tick. */
    public void checkPrice(BigDecimal price) {
        if (price.signum() <= 0 || price.compareTo(MAX_PRICE) > 0 || !Decimals.isMultiple(price, tickSize)) {
            throw Rejection.INVALID_MESSAGE.because("Filter failure: PRICE_FILTER");
        }
    }

    /** LOT_SIZE: a quantity within range and on the step. */
    public void checkQuantity(BigDecimal quantity) {
        if (quantity.compareTo(minQty) < 0 || quantity.compareTo(maxQty) > 0 || !Decimals.isMultiple(quantity, stepSize)) {
            throw Rejection.INVALID_MESSAGE.because("Filter failure: LOT_SIZE");
        }
    }

    /** NOTIONAL: worth at least the minimum, market orders included. */
    public void checkNotional(BigDecimal price, BigDecimal quantity) {
        if (price.multiply(quantity).compareTo(minNotional) < 0) {
            throw Rejection.INVALID_MESSAGE.because("Filter failure: NOTIONAL");
        }
    }
}
