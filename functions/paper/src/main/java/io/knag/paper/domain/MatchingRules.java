package io.knag.paper.domain;

import java.math.BigDecimal;

/** Fees as fractions of what is received (maker for resting limit orders, taker otherwise) and market-order slippage. */
public record MatchingRules(BigDecimal makerFee, BigDecimal takerFee, BigDecimal slippage) {

    public static final MatchingRules STANDARD = new MatchingRules(new BigDecimal("0.001"), new BigDecimal("0.001"),
            new BigDecimal("0.0005"));

    public MatchingRules {
        if (makerFee.signum() < 0 || takerFee.signum() < 0 || slippage.signum() < 0
                || makerFee.compareTo(new BigDecimal("0.1")) > 0 || takerFee.compareTo(new BigDecimal("0.1")) > 0
                || slippage.compareTo(new BigDecimal("0.1")) > 0) {
            throw new IllegalArgumentException("fees and slippage must be between 0 and 0.1");
        }
    }
}
