package io.knag.bots.reports.domain;

import java.time.Instant;
import java.util.UUID;

/** What a report token grants: posting reports for one bot, for one launch of it, until {@code expiresAt}. */
public record ReportGrant(UUID botId, long generation, Instant expiresAt) {
}
