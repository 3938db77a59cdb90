package io.knag.paper.domain;

import java.time.Duration;

/** The candle intervals the paper exchange serves, by the exchange API's names. */
public enum Interval {
    SECOND("1s", Duration.ofSeconds(1)),
    MINUTE("1m", Duration.ofMinutes(1)),
    FIVE_MINUTES("5m", Duration.ofMinutes(5)),
    FIFTEEN_MINUTES("15m", Duration.ofMinutes(15)),
    HOUR("1h", Duration.ofHours(1));

    private final String id;
    private final Duration length;

    Interval(String id, Duration length) {
        this.id = id;
        this.length = length;
    }

    public static Interval of(String id) {
        for (Interval interval : values()) {
            if (interval.id.equals(id)) {
                return interval;
            }
        }
        throw Rejection.BAD_INTERVAL.because("Invalid interval.");
    }

    public String id() {
        return id;
    }

    public long seconds() {
        return length.toSeconds();
    }
}
