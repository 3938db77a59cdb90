package io.knag.bots.runtime;

/** What a runtime says of a bot's workload. */
public enum WorkloadPhase {
    /** Created, not yet running (image pulling, pod scheduling). */
    PENDING,
    /** Running. */
    RUNNING,
    /** Crashed more often than its restart policy allows, or could not start at all. */
    FAILED,
    /** Ended by itself (exit code 0) and its restart policy does not start it again. */
    EXITED
}
