package io.knag.bots.reports.application;

import io.knag.bots.reports.domain.Trade;
import java.util.List;

/** One page of a bot's trades, newest first, and how many it has in all. */
public record TradesPage(List<Trade> trades, long total, int offset, int limit) {
}
