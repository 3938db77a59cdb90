package io.knag.bots.reports.domain;

/** A report whose data breaks the bot contract's rules; the message says which rule, never echoes the data. */
public final class ReportRejected extends RuntimeException {

    public ReportRejected(String message) {
        super(message, null, false, false);
    }
}
