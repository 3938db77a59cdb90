package io.knag.paper.domain;

/** Buy or sell, in the exchange's own spelling. */
public enum Side {
    BUY, SELL
}
