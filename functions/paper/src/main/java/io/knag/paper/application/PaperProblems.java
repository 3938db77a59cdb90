package io.knag.paper.application;

import io.knag.kernel.ProblemType;

/** The failures of the paper accounts API (the exchange API itself answers in its own shape, see Rejection). */
public final class PaperProblems {

    public static final ProblemType ACCOUNT_LIMIT = new ProblemType("paper-account-limit-reached",
            "You have as many paper accounts as you may", 409);
    public static final ProblemType UNKNOWN_ASSET = new ProblemType("unknown-asset",
            "The paper exchange does not list this asset", 400);

    private PaperProblems() {
    }
}
