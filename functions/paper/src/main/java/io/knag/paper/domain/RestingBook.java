package io.knag.paper.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * One market's resting limit orders, best first: bids from the highest price, asks from the lowest, and by
 * order id (time) within a price. Not thread-safe: {@link MatchingEngine} guards each book.
 */
final class RestingBook {

    private static final Comparator<RestingOrder> BY_TIME = Comparator.comparingLong(RestingOrder::orderId);

    private final TreeSet<RestingOrder> bids = new TreeSet<>(
            Comparator.comparing(RestingOrder::price).reversed().thenComparing(BY_TIME));
    private final TreeSet<RestingOrder> asks = new TreeSet<>(
            Comparator.comparing(RestingOrder::price).thenComparing(BY_TIME));
    private final Map<Long, RestingOrder> byId = new HashMap<>();

    void add(RestingOrder order) {
        if (byId.putIfAbsent(order.orderId(), order) == null) {
            side(order.side()).add(order);
        }
    }

    boolean remove(long orderId) {
        RestingOrder order = byId.remove(orderId);
        return order != null && side(order.side()).remove(order);
    }

    /** Takes off the book every bid at or above {@code low} and every ask at or below {@code high}. */
    List<RestingOrder> crossed(BigDecimal low, BigDecimal high) {
        List<RestingOrder> crossed = new ArrayList<>();
        while (!bids.isEmpty() && bids.first().price().compareTo(low) >= 0) {
            crossed.add(take(bids.pollFirst()));
        }
        while (!asks.isEmpty() && asks.first().price().compareTo(high) <= 0) {
            crossed.add(take(asks.pollFirst()));
        }
        return crossed;
    }

    int size() {
        return byId.size();
    }

    private RestingOrder take(RestingOrder order) {
        byId.remove(order.orderId());
        return order;
    }

    private TreeSet<RestingOrder> side(Side side) {
        return side == Side.BUY ? bids : asks;
    }
}
