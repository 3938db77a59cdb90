package io.knag.bots;

import io.knag.bots.domain.BotProblems;
import io.knag.kernel.KnagException;
import java.util.Objects;
import java.util.UUID;

/** The last {@code tail} lines (1 to 1000, 100 when not given) of a bot's output. */
public record BotLogsQuery(UUID id, int tail) {

    public static final int DEFAULT_TAIL = 100;
    public static final int MAX_TAIL = 1000;

    public BotLogsQuery {
        Objects.requireNonNull(id, "id");
        if (tail < 1 || tail > MAX_TAIL) {
            throw new KnagException(BotProblems.LOG_LIMIT, "tail must be between 1 and " + MAX_TAIL + "; it was " + tail);
        }
    }
}
