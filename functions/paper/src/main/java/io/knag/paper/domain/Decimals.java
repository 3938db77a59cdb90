package io.knag.paper.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Amounts and prices: eight decimals, as the exchange writes them ({@code "0.00100000"}). */
public final class Decimals {

    public static final int SCALE = 8;

    private Decimals() {
    }

    public static BigDecimal of(BigDecimal value) {
        return value.setScale(SCALE, RoundingMode.DOWN);
    }

    public static BigDecimal of(String value) {
        return of(new BigDecimal(value));
    }

    /** Down to a multiple of {@code step} (quantities, and prices a seller gets). */
    public static BigDecimal floor(BigDecimal value, BigDecimal step) {
        return of(value.divide(step, 0, RoundingMode.FLOOR).multiply(step));
    }

    /** Up to a multiple of {@code step} (prices a buyer pays). */
    public static BigDecimal ceil(BigDecimal value, BigDecimal step) {
        return of(value.divide(step, 0, RoundingMode.CEILING).multiply(step));
    }

    public static String text(BigDecimal value) {
        return of(value).toPlainString();
    }

    public static boolean isMultiple(BigDecimal value, BigDecimal step) {
        return value.remainder(step).signum() == 0;
    }
}
