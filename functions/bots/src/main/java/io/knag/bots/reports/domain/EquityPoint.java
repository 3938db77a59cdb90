package io.knag.bots.reports.domain;

import java.math.BigDecimal;
import java.time.Instant;

/** What a bot said its account was worth at a time, in {@code asset}. */
public record EquityPoint(Instant at, BigDecimal equity, String asset) {
}
