package io.knag.bots.domain;

import io.knag.kernel.KnagException;
import java.util.List;

/**
 * What happens when a bot's process exits: {@code always} restart it, restart it {@code on-failure} (a
 * non-zero exit), or {@code never}. After {@code maxRestarts} restarts in a row without a healthy run the
 * bot is FAILED. Written {@code {"mode": "on-failure", "maxRestarts": 5}}.
 */
public record RestartPolicy(String mode, Integer maxRestarts) {

    public static final List<String> MODES = List.of("always", "on-failure", "never");
    public static final RestartPolicy DEFAULT = new RestartPolicy("on-failure", 5);

    public RestartPolicy {
        mode = mode == null ? "on-failure" : mode.strip();
        maxRestarts = maxRestarts == null ? 5 : maxRestarts;
        if (!MODES.contains(mode)) {
            throw invalid("restartPolicy.mode", "mode must be one of always, on-failure, never");
        }
        if (maxRestarts < 0 || maxRestarts > 100) {
            throw invalid("restartPolicy.maxRestarts", "maxRestarts must be between 0 and 100");
        }
        if (mode.equals("never")) {
            maxRestarts = 0;
        }
    }

    /** Whether a process that exited with {@code exitCode}, after {@code restartsSoFar} restarts, is started again. */
    public boolean restarts(int exitCode, int restartsSoFar) {
        boolean wanted = switch (mode) {
            case "always" -> true;
            case "on-failure" -> exitCode != 0;
            default -> false;
        };
        return wanted && restartsSoFar < maxRestarts;
    }

    private static KnagException invalid(String field, String message) {
        return KnagException.invalid(List.of(new KnagException.Violation(field, message)));
    }
}
