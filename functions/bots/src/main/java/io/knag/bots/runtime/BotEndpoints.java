package io.knag.bots.runtime;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a launched bot reaches the platform: the URL it posts its reports to ({@code KNAG_EVENTS_URL}) and, for a
 * broker the platform runs itself (the paper exchange), that broker's base URL ({@code KNAG_BROKER_URL}). Either
 * may be absent.
 */
public record BotEndpoints(String eventsUrl, String brokerUrl) {

    public static final BotEndpoints NONE = new BotEndpoints(null, null);

    /** The environment variables these endpoints add to a bot's environment. */
    public Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        if (eventsUrl != null) {
            env.put("KNAG_EVENTS_URL", eventsUrl);
        }
        if (brokerUrl != null) {
            env.put("KNAG_BROKER_URL", brokerUrl);
        }
        return env;
    }
}
