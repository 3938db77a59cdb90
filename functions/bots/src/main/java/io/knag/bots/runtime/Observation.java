package io.knag.bots.runtime;

import java.util.Objects;
import java.util.UUID;

/**
 * A change a runtime saw in one bot's workload. {@code detail} is for people (an exit code, a reason
 * from the cluster) and never holds bot output or configuration.
 */
public record Observation(UUID botId, long generation, Kind kind, String detail) {

    public enum Kind {
        /** The workload runs. */
        RUNNING,
        /** It crashed and was restarted, as its restart policy allows. */
        RESTARTED,
        /** It crashed more often than its restart policy allows, or cannot start. */
        FAILED,
        /** It ended by itself with exit code 0, and its restart policy does not start it again. */
        EXITED,
        /** It is gone, though nobody asked the runtime to stop it. */
        GONE
    }

    public Observation {
        Objects.requireNonNull(botId, "botId");
        Objects.requireNonNull(kind, "kind");
        detail = detail == null ? "" : detail;
    }
}
