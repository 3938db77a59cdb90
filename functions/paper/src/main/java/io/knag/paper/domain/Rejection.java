package io.knag.paper.domain;

/**
 * The error codes of the exchange API the paper exchange copies (Binance spot's {@code {"code","msg"}}), with the
 * HTTP status each is answered with. A client library knows these numbers, so they are kept exactly.
 */
public enum Rejection {
    UNKNOWN(-1000, 500),
    UNAUTHORIZED(-1002, 401),
    TOO_MANY_REQUESTS(-1003, 429),
    INVALID_MESSAGE(-1013, 400),
    INVALID_TIMESTAMP(-1021, 400),
    INVALID_SIGNATURE(-1022, 400),
    ILLEGAL_CHARS(-1100, 400),
    TOO_MANY_PARAMETERS(-1101, 400),
    MANDATORY_PARAM_EMPTY_OR_MALFORMED(-1102, 400),
    UNKNOWN_PARAM(-1103, 400),
    UNREAD_PARAMETERS(-1104, 400),
    PARAM_NOT_REQUIRED(-1106, 400),
    BAD_PRECISION(-1111, 400),
    INVALID_TIME_IN_FORCE(-1115, 400),
    INVALID_ORDER_TYPE(-1116, 400),
    INVALID_SIDE(-1117, 400),
    BAD_INTERVAL(-1120, 400),
    BAD_SYMBOL(-1121, 400),
    INVALID_PARAMETER(-1130, 400),
    NEW_ORDER_REJECTED(-2010, 400),
    CANCEL_REJECTED(-2011, 400),
    NO_SUCH_ORDER(-2013, 400),
    BAD_API_KEY_FORMAT(-2014, 401),
    REJECTED_API_KEY(-2015, 401);

    private final int code;
    private final int status;

    Rejection(int code, int status) {
        this.code = code;
        this.status = status;
    }

    public int code() {
        return code;
    }

    public int status() {
        return status;
    }

    public ExchangeRejected because(String message) {
        return new ExchangeRejected(this, message);
    }
}
