package io.knag.vault.domain;

import io.knag.kernel.ProblemType;

/** The failures of the vault that a caller can act on. */
public final class VaultProblems {

    public static final ProblemType UNKNOWN_BROKER =
            new ProblemType("unknown-broker", "This broker is not supported", 400);
    public static final ProblemType VAULT_NOT_READY =
            new ProblemType("vault-not-ready", "This account has no vault key yet", 409);
    public static final ProblemType CREDENTIAL_UNREADABLE = new ProblemType("credential-unreadable",
            "This stored credential does not open; delete it and add it again", 409);
    public static final ProblemType CREDENTIAL_LIMIT =
            new ProblemType("credential-limit-reached", "The vault holds as many credentials as it may", 409);

    public static final ProblemType WITHDRAWAL_ENABLED = new ProblemType("withdrawal-enabled-key",
            "This key can withdraw funds; make a key without withdrawal permission", 422);
    public static final ProblemType CREDENTIAL_REJECTED = new ProblemType("credential-rejected",
            "The broker does not accept this key", 422);
    public static final ProblemType BROKER_UNAVAILABLE = new ProblemType("broker-unavailable",
            "The broker could not be reached to check the key; nothing was stored", 503);
    public static final ProblemType BROKER_ERROR = new ProblemType("broker-error",
            "The broker answered the key check with an error; nothing was stored", 502);

    private VaultProblems() {
    }
}
