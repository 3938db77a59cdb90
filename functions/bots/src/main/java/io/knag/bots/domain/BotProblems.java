package io.knag.bots.domain;

import io.knag.kernel.ProblemType;

/** The failures of the bots function that a caller can act on. */
public final class BotProblems {

    public static final ProblemType IMAGE_NOT_ALLOWED = new ProblemType("image-not-allowed",
            "This container image is not on the operator's allowlist", 400);
    public static final ProblemType UNKNOWN_CREDENTIAL = new ProblemType("unknown-credential",
            "No such credential in your vault", 400);
    public static final ProblemType PARAMS_TOO_LARGE = new ProblemType("params-too-large",
            "The bot's parameters are too large", 400);
    public static final ProblemType BOT_NOT_STOPPED = new ProblemType("bot-not-stopped",
            "The bot is running or being started or stopped", 409);
    public static final ProblemType BOT_NOT_RUNNING = new ProblemType("bot-not-running",
            "The bot is not running", 409);
    public static final ProblemType QUOTA_EXCEEDED = new ProblemType("quota-exceeded",
            "This would exceed your quota", 409);
    public static final ProblemType CREDENTIAL_MISSING = new ProblemType("credential-missing",
            "The credential this bot trades with is no longer in your vault", 409);
    public static final ProblemType LOG_LIMIT = new ProblemType("tail-out-of-range",
            "tail must be between 1 and 1000", 400);

    private BotProblems() {
    }
}
