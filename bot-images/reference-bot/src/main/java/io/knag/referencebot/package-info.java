/**
 * The reference strategy bot: a moving-average crossover (ta4j) that trades on the paper exchange through its
 * Binance-compatible API and reports to the platform (docs/bot-contract.md).
 */
package io.knag.referencebot;
