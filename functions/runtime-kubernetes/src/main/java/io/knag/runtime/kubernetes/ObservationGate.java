package io.knag.runtime.kubernetes;

import io.knag.bots.runtime.Observation;
import io.knag.bots.runtime.Observation.Kind;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Lets an observation through only when it is news: RUNNING when a bot becomes available (not on every
 * resync), FAILED or EXITED once per launch generation and nothing more of that generation after them, and
 * nothing from an older generation than one already seen. One small entry per bot.
 */
final class ObservationGate {

    private static final class BotState {
        long generation;
        boolean available;
        boolean settled;

        BotState(long generation) {
            this.generation = generation;
        }
    }

    private final Map<UUID, BotState> bots = new HashMap<>();

    /** RUNNING, with {@code detail}, when the workload becomes available. */
    synchronized Optional<Observation> availability(UUID botId, long generation, boolean available, String detail) {
        BotState state = current(botId, generation);
        if (state == null) {
            return Optional.empty();
        }
        boolean became = available && !state.available;
        state.available = available;
        return became && !state.settled
                ? Optional.of(new Observation(botId, generation, Kind.RUNNING, detail))
                : Optional.empty();
    }

    synchronized Optional<Observation> restarted(UUID botId, long generation, String detail) {
        BotState state = current(botId, generation);
        return state == null || state.settled
                ? Optional.empty()
                : Optional.of(new Observation(botId, generation, Kind.RESTARTED, detail));
    }

    /** FAILED or EXITED: the first for a generation passes, and closes that generation. */
    synchronized Optional<Observation> settled(UUID botId, long generation, Kind kind, String detail) {
        BotState state = current(botId, generation);
        if (state == null || state.settled) {
            return Optional.empty();
        }
        state.settled = true;
        return Optional.of(new Observation(botId, generation, kind, detail));
    }

    synchronized Optional<Observation> gone(UUID botId, long generation, String detail) {
        bots.remove(botId);
        return Optional.of(new Observation(botId, generation, Kind.GONE, detail));
    }

    synchronized void forget(UUID botId) {
        bots.remove(botId);
    }

    synchronized int size() {
        return bots.size();
    }

    /** The bot's state for this generation (a newer generation starts afresh); null when the generation is stale. */
    private BotState current(UUID botId, long generation) {
        BotState state = bots.computeIfAbsent(botId, id -> new BotState(generation));
        if (generation < state.generation) {
            return null;
        }
        if (generation > state.generation) {
            state.generation = generation;
            state.available = false;
            state.settled = false;
        }
        return state;
    }
}
