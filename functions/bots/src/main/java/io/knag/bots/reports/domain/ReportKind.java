package io.knag.bots.reports.domain;

import java.util.Optional;

/** The reports a bot sends, by their CloudEvents type. */
public enum ReportKind {
    HEARTBEAT("io.knag.bot.heartbeat"),
    ORDER_PLACED("io.knag.bot.order.placed"),
    TRADE_FILLED("io.knag.bot.trade.filled"),
    EQUITY_REPORTED("io.knag.bot.equity.reported");

    private final String type;

    ReportKind(String type) {
        this.type = type;
    }

    public String type() {
        return type;
    }

    public static Optional<ReportKind> of(String type) {
        for (ReportKind kind : values()) {
            if (kind.type.equals(type)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
