package io.knag.bots.reports.application;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A report as posted to {@code /api/v1/bots/{id}/reports}: the bot of the URL, the bearer report token, and the
 * CloudEvent's id, type, subject, time and JSON data.
 */
public record ReportSubmission(UUID botId, String token, String eventId, String type, String subject, Instant time,
                               Map<String, Object> data) {

    @Override
    public String toString() {
        return "ReportSubmission[botId=" + botId + ", eventId=" + eventId + ", type=" + type + ", token=***]";
    }
}
