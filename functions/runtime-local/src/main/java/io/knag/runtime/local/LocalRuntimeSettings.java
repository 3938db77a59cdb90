package io.knag.runtime.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where bots keep their files ({@code directory/<bot id>/}), which command runs each image (an image
 * repository, without tag, to a command line; {@link #HEARTBEAT} is the built-in demonstration bot), how long
 * a stopping bot gets before it is killed ({@link #REFERENCE} is the reference strategy bot), the first restart delay (doubling up to 30 s), how long a run
 * must last to reset the restart count, and how many output lines are kept per bot.
 */
public record LocalRuntimeSettings(Path directory, Map<String, List<String>> programs, Duration stopGrace,
                                   Duration firstRestartDelay, Duration healthyRun, int outputLines) {

    public static final String HEARTBEAT = "builtin:heartbeat-bot";
    public static final String REFERENCE = "builtin:reference-bot";

    public LocalRuntimeSettings {
        Objects.requireNonNull(directory, "directory");
        programs = Map.copyOf(programs);
        if (programs.values().stream().anyMatch(List::isEmpty) || outputLines < 1 || stopGrace.isNegative()
                || firstRestartDelay.isNegative() || healthyRun.isNegative()) {
            throw new IllegalArgumentException("knag.runtime.local.* out of range");
        }
    }
}
