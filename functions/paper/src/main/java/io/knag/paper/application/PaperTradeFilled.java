package io.knag.paper.application;

import io.knag.kernel.events.EventType;
import java.time.Instant;
import java.util.UUID;

/**
 * An order of a paper account filled ({@code io.knag.paper.trade.filled}, subject the account id): what the
 * platform knows a paper bot really traded. Amounts are the exchange's decimal strings.
 */
public record PaperTradeFilled(UUID accountId, UUID owner, long tradeId, long orderId, String clientOrderId,
                               String symbol, String side, String price, String quantity, String quoteQuantity,
                               String commission, String commissionAsset, boolean maker, Instant time) {

    public static final String SOURCE = "/knag/paper";
    public static final EventType TYPE = new EventType("io.knag.paper.trade.filled", SOURCE, PaperTradeFilled.class);
}
