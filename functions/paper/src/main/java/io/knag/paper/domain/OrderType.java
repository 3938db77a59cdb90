package io.knag.paper.domain;

/** The order types the paper exchange takes (a subset of Binance's spot types). */
public enum OrderType {
    MARKET, LIMIT
}
