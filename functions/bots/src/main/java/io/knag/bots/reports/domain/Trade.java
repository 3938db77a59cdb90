package io.knag.bots.reports.domain;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A trade of a bot: {@code source} is {@code exchange} when the platform's own exchange recorded it (it happened)
 * and {@code reported} when only the bot said so (a live broker).
 */
public record Trade(String tradeId, String orderId, String symbol, String side, BigDecimal price, BigDecimal quantity,
                    BigDecimal quoteQuantity, BigDecimal commission, String commissionAsset, Instant time, String source) {

    public static final String EXCHANGE = "exchange";
    public static final String REPORTED = "reported";

    public boolean buy() {
        return "BUY".equals(side);
    }
}
