/**
 * What bots report and what follows from it, in plain Java: the four report kinds and their data rules, trades,
 * equity points, performance (realized P&amp;L, fees, win rate, drawdown) and report tokens.
 */
package io.knag.bots.reports.domain;
