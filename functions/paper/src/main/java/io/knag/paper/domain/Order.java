package io.knag.paper.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * An order on the paper exchange. {@code price} is zero for a market order; {@code executedQty} and
 * {@code cumulativeQuoteQty} are zero until it fills, and then the whole of it (orders fill whole).
 */
public record Order(long id, UUID accountId, String symbol, Side side, OrderType type, OrderStatus status,
                    BigDecimal price, BigDecimal origQty, BigDecimal executedQty, BigDecimal cumulativeQuoteQty,
                    String clientOrderId, Instant time, Instant updateTime) {

    public RestingOrder resting() {
        return new RestingOrder(id, accountId, symbol, side, price, origQty);
    }
}
