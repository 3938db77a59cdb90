package io.knag.paper.domain;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * A new order as the exchange API takes it, checked for the combinations that API allows: a LIMIT order has a
 * price, a quantity and {@code timeInForce=GTC}; a MARKET order has a quantity or a quote amount, never a price.
 * The market's filters are checked against it when it is placed ({@link MatchingEngine#submit}).
 */
public record OrderRequest(String symbol, Side side, OrderType type, String timeInForce, BigDecimal quantity,
                           BigDecimal quoteOrderQty, BigDecimal price, String clientOrderId) {

    private static final Pattern CLIENT_ORDER_ID = Pattern.compile("[.A-Z:/a-z0-9_-]{1,36}");

    public OrderRequest {
        required(symbol, "symbol");
        required(side, "side");
        required(type, "type");
        precise(quantity);
        precise(quoteOrderQty);
        precise(price);
        switch (type) {
            case LIMIT -> {
                required(timeInForce, "timeInForce");
                if (!"GTC".equals(timeInForce)) {
                    throw Rejection.INVALID_TIME_IN_FORCE.because("Invalid timeInForce.");
                }
                required(price, "price");
                required(quantity, "quantity");
                notRequired(quoteOrderQty, "quoteOrderQty");
            }
            case MARKET -> {
                notRequired(price, "price");
                notRequired(timeInForce, "timeInForce");
                if (quantity == null && quoteOrderQty == null) {
                    required(null, "quantity");
                }
                if (quantity != null) {
                    notRequired(quoteOrderQty, "quoteOrderQty");
                }
            }
        }
        if (clientOrderId != null && !CLIENT_ORDER_ID.matcher(clientOrderId).matches()) {
            throw Rejection.INVALID_PARAMETER.because("Data sent for parameter 'newClientOrderId' is not valid.");
        }
    }

    /** The same order: a repeated {@code newClientOrderId} with these fields is the same request sent again. */
    public boolean sameAs(Order order) {
        return order.symbol().equals(symbol) && order.side() == side && order.type() == type
                && equal(order.price(), type == OrderType.LIMIT ? price : BigDecimal.ZERO)
                && (quantity == null || equal(order.origQty(), quantity));
    }

    private static boolean equal(BigDecimal a, BigDecimal b) {
        return a.compareTo(b) == 0;
    }

    private static void required(Object value, String name) {
        if (value == null) {
            throw Rejection.MANDATORY_PARAM_EMPTY_OR_MALFORMED.because(
                    "Mandatory parameter '" + name + "' was not sent, was empty/null, or malformed.");
        }
    }

    private static void notRequired(Object value, String name) {
        if (value != null) {
            throw Rejection.PARAM_NOT_REQUIRED.because("Parameter '" + name + "' sent when not required.");
        }
    }

    private static void precise(BigDecimal value) {
        if (value != null && (value.signum() <= 0 || value.stripTrailingZeros().scale() > Decimals.SCALE)) {
            throw value.signum() <= 0 ? Rejection.INVALID_MESSAGE.because("Invalid quantity or price.")
                    : Rejection.BAD_PRECISION.because("Precision is over the maximum defined for this asset.");
        }
    }
}
