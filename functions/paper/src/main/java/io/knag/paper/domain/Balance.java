package io.knag.paper.domain;

import java.math.BigDecimal;

/** What an account holds of one asset: free to trade, and locked by open orders. */
public record Balance(String asset, BigDecimal free, BigDecimal locked) {

    public Balance {
        free = Decimals.of(free);
        locked = Decimals.of(locked);
    }
}
