package io.knag.paper.domain;

/**
 * Where an order is. The paper exchange fills an order whole, at once, so it never reports {@code PARTIALLY_FILLED}:
 * a market order is {@code FILLED} when it is placed; a limit order is {@code NEW} until the price crosses it.
 */
public enum OrderStatus {
    NEW, FILLED, CANCELED;

    public boolean open() {
        return this == NEW;
    }
}
