package io.knag.paper.application;

import io.knag.paper.domain.Rejection;

/** Which order a query or a cancel means: by the exchange's id or by the client's own id. */
public record OrderLookup(String symbol, Long orderId, String clientOrderId) {

    public OrderLookup {
        if (symbol == null) {
            throw Rejection.MANDATORY_PARAM_EMPTY_OR_MALFORMED.because(
                    "Mandatory parameter 'symbol' was not sent, was empty/null, or malformed.");
        }
        if (orderId == null && clientOrderId == null) {
            throw Rejection.MANDATORY_PARAM_EMPTY_OR_MALFORMED.because(
                    "Param 'origClientOrderId' or 'orderId' must be sent, but both were empty/null!");
        }
    }
}
