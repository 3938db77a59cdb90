package io.knag.azure.events;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code knag.events.event-grid.*}: the Event Grid topic events are published to ({@code endpoint}, e.g.
 * https://knag.westeurope-1.eventgrid.azure.net/api/events, a topic with the CloudEvents 1.0 input schema) and
 * its access key ({@code key}, from the environment: KNAG_EVENTS_EVENT_GRID_KEY). Without an endpoint, events
 * stay in process. A send is tried {@code attempts} times, backing off from {@code first-backoff}, each try
 * given {@code timeout}.
 */
@ConfigurationProperties("knag.events.event-grid")
public record EventGridProperties(
        URI endpoint,
        String key,
        @DefaultValue("4") int attempts,
        @DefaultValue("200ms") Duration firstBackoff,
        @DefaultValue("10s") Duration timeout) {

    public EventGridProperties {
        if (endpoint != null && !endpoint.toString().isBlank()) {
            if (key == null || key.isBlank()) {
                throw new IllegalArgumentException("knag.events.event-grid.key (KNAG_EVENTS_EVENT_GRID_KEY) is required "
                        + "with an Event Grid endpoint: the topic's access key");
            }
            boolean loopback = "127.0.0.1".equals(endpoint.getHost()) || "localhost".equals(endpoint.getHost());
            if (!"https".equals(endpoint.getScheme()) && !("http".equals(endpoint.getScheme()) && loopback)) {
                throw new IllegalArgumentException("knag.events.event-grid.endpoint must be https (the key travels with "
                        + "every request)");
            }
        }
        if (attempts < 1 || firstBackoff.isNegative() || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("knag.events.event-grid: attempts must be at least 1, first-backoff "
                    + "not negative, timeout positive");
        }
    }

    @Override
    public String toString() {
        return "EventGridProperties[endpoint=" + endpoint + ", key=***, attempts=" + attempts + ", firstBackoff="
                + firstBackoff + ", timeout=" + timeout + "]";
    }
}
