package io.knag.paper.domain;

import java.math.BigDecimal;

/** A change to one asset's free and locked amounts; applying it must leave neither below zero. */
public record BalanceChange(String asset, BigDecimal free, BigDecimal locked) {

    public BalanceChange {
        free = Decimals.of(free);
        locked = Decimals.of(locked);
    }

    public static BalanceChange lock(String asset, BigDecimal amount) {
        return new BalanceChange(asset, amount.negate(), amount);
    }

    public static BalanceChange credit(String asset, BigDecimal amount) {
        return new BalanceChange(asset, amount, BigDecimal.ZERO);
    }

    public static BalanceChange debit(String asset, BigDecimal amount) {
        return new BalanceChange(asset, amount.negate(), BigDecimal.ZERO);
    }

    public static BalanceChange spendLocked(String asset, BigDecimal amount) {
        return new BalanceChange(asset, BigDecimal.ZERO, amount.negate());
    }

    /** True when it takes from the free or the locked amount, so the balance must be there. */
    public boolean takes() {
        return free.signum() < 0 || locked.signum() < 0;
    }

    public BalanceChange reversed() {
        return new BalanceChange(asset, free.negate(), locked.negate());
    }
}
