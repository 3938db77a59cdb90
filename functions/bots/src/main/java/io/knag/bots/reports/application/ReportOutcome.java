package io.knag.bots.reports.application;

/** What became of a posted report: taken, or recognised as one already taken (same event id). */
public enum ReportOutcome {
    ACCEPTED, DUPLICATE
}
