package io.knag.bots.reports.application;

import io.knag.kernel.ProblemType;

/** The failures of posting reports (docs/bot-contract.md#reporting-back). */
public final class ReportProblems {

    public static final ProblemType TOKEN_INVALID = new ProblemType("report-token-invalid",
            "The report token is missing, forged or expired", 401);
    public static final ProblemType LAUNCH_ENDED = new ProblemType("launch-ended",
            "This launch of the bot has ended; reports are taken from its running launch only", 401);
    public static final ProblemType ANOTHER_BOT = new ProblemType("report-for-another-bot",
            "The report token is for another bot", 403);
    public static final ProblemType INVALID_REPORT = new ProblemType("invalid-report",
            "The report does not follow the bot contract", 400);
    public static final ProblemType UNKNOWN_TRADE = new ProblemType("unknown-trade",
            "The exchange has no such trade on your accounts", 422);
    public static final ProblemType TRADE_CLAIMED = new ProblemType("trade-claimed",
            "Another of your bots already reported this trade", 409);

    private ReportProblems() {
    }
}
