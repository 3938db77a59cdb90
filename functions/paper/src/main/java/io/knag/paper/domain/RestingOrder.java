package io.knag.paper.domain;

import java.math.BigDecimal;
import java.util.UUID;

/** A limit order waiting on the book for the price to cross it. */
public record RestingOrder(long orderId, UUID accountId, String symbol, Side side, BigDecimal price, BigDecimal quantity) {

    /** What the order holds back while it waits: the quote it would pay, or the base it would sell. */
    public BalanceChange reserve(Market market) {
        return side == Side.BUY ? BalanceChange.lock(market.quote(), Decimals.of(price.multiply(quantity)))
                : BalanceChange.lock(market.base(), quantity);
    }
}
