package io.knag.bots;

/** A stopped bot is deleted at once; a running one is stopped first and deleted when it has stopped. */
public enum DeleteOutcome {
    DELETED, STOPPING_THEN_DELETED
}
