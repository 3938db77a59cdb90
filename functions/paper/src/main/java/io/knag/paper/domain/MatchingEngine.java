package io.knag.paper.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Matches orders against the market price (the paper exchange is every trader's counterparty; traders never
 * match each other). A market order, and a limit order the price already crosses, fill at once as taker, at the
 * price plus slippage (never beyond a limit). Other limit orders rest until the market's low or high reaches
 * them and then fill at their limit as maker. The engine decides; balances and the record of it are the caller's.
 */
public final class MatchingEngine {

    private final MatchingRules rules;
    private final Map<String, RestingBook> books = new ConcurrentHashMap<>();

    public MatchingEngine(MatchingRules rules) {
        this.rules = rules;
    }

    /** Checks an order against the market's filters and decides whether it fills now or rests. */
    public Decision submit(Market market, OrderRequest order, BigDecimal marketPrice) {
        return switch (order.type()) {
            case MARKET -> new Decision.Fills(marketFill(market, order, marketPrice));
            case LIMIT -> limit(market, order, marketPrice);
        };
    }

    /** Puts a placed limit order on its market's book. */
    public void rest(RestingOrder order) {
        RestingBook book = book(order.symbol());
        synchronized (book) {
            book.add(order);
        }
    }

    /** Takes an order off its book; false when it was not there (filled or cancelled meanwhile). */
    public boolean withdraw(String symbol, long orderId) {
        RestingBook book = book(symbol);
        synchronized (book) {
            return book.remove(orderId);
        }
    }

    /** The resting orders the market's range {@code [low, high]} reached, taken off the book. */
    public List<RestingOrder> crossed(String symbol, BigDecimal low, BigDecimal high) {
        RestingBook book = book(symbol);
        synchronized (book) {
            return book.crossed(low, high);
        }
    }

    /** A resting order's fill, at its limit, as maker. */
    public Execution fillResting(Market market, RestingOrder order) {
        BigDecimal quote = Decimals.of(order.price().multiply(order.quantity()));
        return execution(market, order.side(), order.price(), order.quantity(), quote, true);
    }

    public int resting(String symbol) {
        RestingBook book = book(symbol);
        synchronized (book) {
            return book.size();
        }
    }

    private Decision limit(Market market, OrderRequest order, BigDecimal marketPrice) {
        market.checkPrice(order.price());
        market.checkQuantity(order.quantity());
        market.checkNotional(order.price(), order.quantity());
        boolean marketable = order.side() == Side.BUY ? order.price().compareTo(marketPrice) >= 0
                : order.price().compareTo(marketPrice) <= 0;
        if (!marketable) {
            return new Decision.Rests(new RestingOrder(0, null, market.symbol(), order.side(), order.price(),
                    order.quantity()).reserve(market));
        }
        BigDecimal price = order.side() == Side.BUY ? slipped(market, Side.BUY, marketPrice).min(order.price())
                : slipped(market, Side.SELL, marketPrice).max(order.price());
        BigDecimal quote = Decimals.of(price.multiply(order.quantity()));
        return new Decision.Fills(execution(market, order.side(), price, order.quantity(), quote, false));
    }

    private Execution marketFill(Market market, OrderRequest order, BigDecimal marketPrice) {
        BigDecimal price = slipped(market, order.side(), marketPrice);
        BigDecimal quantity = order.quantity() != null ? order.quantity()
                : Decimals.floor(order.quoteOrderQty().divide(price, Decimals.SCALE, java.math.RoundingMode.DOWN),
                market.stepSize());
        market.checkQuantity(quantity);
        market.checkNotional(price, quantity);
        return execution(market, order.side(), price, quantity, Decimals.of(price.multiply(quantity)), false);
    }

    private BigDecimal slipped(Market market, Side side, BigDecimal price) {
        return side == Side.BUY ? Decimals.ceil(price.multiply(BigDecimal.ONE.add(rules.slippage())), market.tickSize())
                : Decimals.floor(price.multiply(BigDecimal.ONE.subtract(rules.slippage())), market.tickSize());
    }

    private Execution execution(Market market, Side side, BigDecimal price, BigDecimal quantity, BigDecimal quote,
                                boolean maker) {
        BigDecimal fee = maker ? rules.makerFee() : rules.takerFee();
        List<BalanceChange> changes = new ArrayList<>(2);
        BigDecimal commission;
        String commissionAsset;
        if (side == Side.BUY) {
            commission = Decimals.of(quantity.multiply(fee));
            commissionAsset = market.base();
            changes.add(maker ? BalanceChange.spendLocked(market.quote(), quote) : BalanceChange.debit(market.quote(), quote));
            changes.add(BalanceChange.credit(market.base(), quantity.subtract(commission)));
        } else {
            commission = Decimals.of(quote.multiply(fee));
            commissionAsset = market.quote();
            changes.add(maker ? BalanceChange.spendLocked(market.base(), quantity) : BalanceChange.debit(market.base(), quantity));
            changes.add(BalanceChange.credit(market.quote(), quote.subtract(commission)));
        }
        return new Execution(price, quantity, quote, commission, commissionAsset, maker, changes);
    }

    private RestingBook book(String symbol) {
        return books.computeIfAbsent(symbol, key -> new RestingBook());
    }
}
