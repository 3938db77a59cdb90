package io.knag.referencebot;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * Reports to the platform (docs/bot-contract.md#reporting-back): binary-mode CloudEvents to KNAG_EVENTS_URL with
 * the report token. A report that cannot be delivered is said once in the log; trading goes on.
 */
final class Reporter {

    private static final ObjectMapper json = new ObjectMapper();

    private final String url;
    private final String token;
    private final String botId;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private int lastStatus = 202;

    Reporter(String url, String token, String botId) {
        this.url = url;
        this.token = token;
        this.botId = botId;
    }

    void report(String type, Map<String, Object> data) {
        if (url == null || token == null) {
            return;
        }
        int status;
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5))
                    .header("Authorization", "Bearer " + token).header("ce-specversion", "1.0")
                    .header("ce-id", UUID.randomUUID().toString()).header("ce-source", "/bots/" + botId)
                    .header("ce-type", type).header("ce-subject", botId).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(data))).build();
            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            status = -1;
        }
        if (status != lastStatus && status >= 300 || status == -1 && lastStatus != -1) {
            System.out.println("report " + type + " was not taken (" + (status == -1 ? "platform not reached" : "HTTP " + status) + ")");
        }
        lastStatus = status;
    }
}
