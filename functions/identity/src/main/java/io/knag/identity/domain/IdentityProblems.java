package io.knag.identity.domain;

import io.knag.kernel.ProblemType;

/** The failures of the identity function that a caller can act on. */
public final class IdentityProblems {

    public static final ProblemType WEAK_PASSWORD =
            new ProblemType("weak-password", "The password is too short, too long or too common", 400);
    public static final ProblemType EMAIL_TAKEN =
            new ProblemType("email-taken", "An account with this email already exists", 409);
    public static final ProblemType INVALID_CREDENTIALS =
            new ProblemType("invalid-credentials", "Wrong email or password", 401);
    /** A password that confirms an action on one's own account is wrong (the same type the vault uses). */
    public static final ProblemType WRONG_PASSWORD = ProblemType.WRONG_PASSWORD;
    public static final ProblemType INVALID_REFRESH_TOKEN =
            new ProblemType("invalid-refresh-token", "The refresh token is not valid", 401);
    public static final ProblemType REFRESH_TOKEN_REUSED =
            new ProblemType("refresh-token-reused", "The refresh token was already used; the session is revoked", 401);
    public static final ProblemType INVALID_RECOVERY_CODE =
            new ProblemType("invalid-recovery-code", "Wrong email or recovery code", 401);

    private IdentityProblems() {
    }
}
