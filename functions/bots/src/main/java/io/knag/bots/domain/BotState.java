package io.knag.bots.domain;

/**
 * The lifecycle of docs/api/bots.md. A bot is started from CREATED, STOPPED or FAILED; it runs through STARTING
 * and RUNNING; it is stopped through STOPPING. FAILED is where a launch or a run ends that went wrong.
 */
public enum BotState {
    CREATED, STARTING, RUNNING, STOPPING, STOPPED, FAILED;

    /** Whether this state may be followed by {@code next}. RUNNING to RUNNING records a restart after a crash. */
    public boolean canMoveTo(BotState next) {
        return switch (this) {
            case CREATED, STOPPED, FAILED -> next == STARTING;
            case STARTING -> next == RUNNING || next == STOPPING || next == FAILED;
            case RUNNING -> next == RUNNING || next == STOPPING || next == STOPPED || next == FAILED;
            case STOPPING -> next == STOPPED;
        };
    }

    /** No workload is wanted: the bot may be started, edited or deleted. */
    public boolean isAtRest() {
        return this == CREATED || this == STOPPED || this == FAILED;
    }

    /** A workload is wanted or still being removed: it counts against the running-bots quota. */
    public boolean isActive() {
        return !isAtRest();
    }
}
