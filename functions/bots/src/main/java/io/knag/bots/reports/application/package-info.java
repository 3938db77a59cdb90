/**
 * The reports use cases: {@link io.knag.bots.reports.application.BotReports} takes what a running bot reports,
 * {@link io.knag.bots.reports.application.TradingResults} answers trades, performance and the portfolio, and
 * {@link io.knag.bots.reports.application.HealthWatch} notices silent bots; with their ports
 * {@link io.knag.bots.reports.application.ReportStore} and {@link io.knag.bots.reports.application.ExchangeFills}.
 */
package io.knag.bots.reports.application;
