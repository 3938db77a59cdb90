package io.knag.paper.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A trade of the paper exchange: one per filled order. */
public record Fill(long id, long orderId, UUID accountId, String symbol, Side side, BigDecimal price, BigDecimal quantity,
                   BigDecimal quoteQuantity, BigDecimal commission, String commissionAsset, boolean maker, Instant time) {
}
