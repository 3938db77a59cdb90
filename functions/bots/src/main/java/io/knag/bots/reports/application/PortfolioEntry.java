package io.knag.bots.reports.application;

import io.knag.bots.domain.BotState;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** One bot on the dashboard: where it is and how it did. */
public record PortfolioEntry(UUID botId, String name, BotState state, String health, Instant lastHeartbeatAt,
                             int tradeCount, BigDecimal realizedPnl, BigDecimal fees, BigDecimal lastEquity,
                             String equityAsset, Instant since) {
}
