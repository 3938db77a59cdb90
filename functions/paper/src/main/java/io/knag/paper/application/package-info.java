/**
 * The paper exchange's use cases ({@link io.knag.paper.application.PaperAccounts},
 * {@link io.knag.paper.application.PaperExchange}, {@link io.knag.paper.application.Settlement}) and the ports they
 * need ({@link io.knag.paper.application.PaperStore}, {@link io.knag.paper.application.MarketData}).
 */
package io.knag.paper.application;
