package io.knag.bots.reports.application;

import java.math.BigDecimal;
import java.util.List;

/** Every bot of a user with its results, and the realized P&amp;L and fees of all of them together. */
public record Portfolio(List<PortfolioEntry> bots, BigDecimal realizedPnl, BigDecimal fees, int tradeCount) {
}
