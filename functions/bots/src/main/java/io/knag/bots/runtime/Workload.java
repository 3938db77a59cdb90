package io.knag.bots.runtime;

import java.util.Objects;
import java.util.UUID;

/** A bot's workload as a runtime sees it; {@code generation} is the launch that made it. */
public record Workload(UUID botId, UUID owner, long generation, WorkloadPhase phase) {

    public Workload {
        Objects.requireNonNull(botId, "botId");
        Objects.requireNonNull(phase, "phase");
    }
}
