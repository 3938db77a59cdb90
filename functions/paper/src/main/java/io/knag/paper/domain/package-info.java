/**
 * The paper exchange's rules in plain Java: markets and their filters, orders, fills, balances, and the
 * matching of orders against the market price. No framework, no I/O (see docs/paper-exchange.md).
 */
package io.knag.paper.domain;
