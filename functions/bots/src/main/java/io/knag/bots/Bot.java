package io.knag.bots;

import io.knag.kernel.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A stored bot: its definition, where it is in its lifecycle, and the generation of its latest launch (each
 * start counts one up, so events of an earlier launch are recognised as stale). {@code deleting}: the owner
 * deleted it while it ran; it goes once stopped.
 */
public record Bot(UUID id, UserId owner, BotDefinition definition, BotState state, long generation, boolean deleting,
                  Instant createdAt, Instant updatedAt) {

    public Bot {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(state, "state");
    }

    public Bot withState(BotState next, Instant at) {
        return new Bot(id, owner, definition, next, generation, deleting, createdAt, at);
    }

    public Bot nextLaunch(Instant at) {
        return new Bot(id, owner, definition, BotState.STARTING, generation + 1, deleting, createdAt, at);
    }

    public Bot withDefinition(BotDefinition changed, Instant at) {
        return new Bot(id, owner, changed, state, generation, deleting, createdAt, at);
    }

    public Bot markedForDeletion(Instant at) {
        return new Bot(id, owner, definition, state, generation, true, createdAt, at);
    }
}
