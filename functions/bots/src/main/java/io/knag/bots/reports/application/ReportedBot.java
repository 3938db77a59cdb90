package io.knag.bots.reports.application;

import io.knag.bots.domain.BotState;
import java.time.Instant;
import java.util.UUID;

/** What reporting needs to know of a bot: whose it is, where it is, its launch and that launch's broker. */
public record ReportedBot(UUID id, UUID owner, String name, BotState state, long generation, String broker,
                          Instant lastHeartbeatAt, boolean silent) {

    /** Reports are taken from the running launch only (STARTING included: a bot reports as soon as it runs). */
    public boolean takesReportsOf(long launch) {
        return generation == launch && (state == BotState.STARTING || state == BotState.RUNNING);
    }
}
