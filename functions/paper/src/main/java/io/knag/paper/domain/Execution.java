package io.knag.paper.domain;

import java.math.BigDecimal;
import java.util.List;

/**
 * How an order fills: at {@code price}, the whole {@code quantity}, for {@code quoteQuantity}; the commission is
 * taken from what the account receives (the base asset of a buy, the quote of a sell), as Binance does.
 * {@code changes} are the balance changes the fill makes.
 */
public record Execution(BigDecimal price, BigDecimal quantity, BigDecimal quoteQuantity, BigDecimal commission,
                        String commissionAsset, boolean maker, List<BalanceChange> changes) {

    public Execution {
        changes = List.copyOf(changes);
    }
}
