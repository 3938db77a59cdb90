package io.knag.bots.domain;

import io.knag.kernel.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A stored bot: its definition, where it is in its lifecycle, and the generation of its latest launch (each
 * start counts one up, so events of an earlier launch are recognised as stale). {@code deleting}: the owner
 * deleted it while it ran; it goes once stopped. {@code lastHeartbeatAt} and {@code silent} are kept by its reports
 * (a running bot that misses its heartbeats is silent).
 */
public record Bot(UUID id, UserId owner, BotDefinition definition, BotState state, long generation, boolean deleting,
                  Instant createdAt, Instant updatedAt, Instant lastHeartbeatAt, boolean silent) {

    public Bot {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(state, "state");
    }

    /** A bot that has not reported a heartbeat. */
    public Bot(UUID id, UserId owner, BotDefinition definition, BotState state, long generation, boolean deleting,
               Instant createdAt, Instant updatedAt) {
        this(id, owner, definition, state, generation, deleting, createdAt, updatedAt, null, false);
    }

    public Bot withState(BotState next, Instant at) {
        return new Bot(id, owner, definition, next, generation, deleting, createdAt, at, lastHeartbeatAt, silent);
    }

    public Bot nextLaunch(Instant at) {
        return new Bot(id, owner, definition, BotState.STARTING, generation + 1, deleting, createdAt, at, lastHeartbeatAt,
                false);
    }

    public Bot withDefinition(BotDefinition changed, Instant at) {
        return new Bot(id, owner, changed, state, generation, deleting, createdAt, at, lastHeartbeatAt, silent);
    }

    public Bot markedForDeletion(Instant at) {
        return new Bot(id, owner, definition, state, generation, true, createdAt, at, lastHeartbeatAt, silent);
    }
}
