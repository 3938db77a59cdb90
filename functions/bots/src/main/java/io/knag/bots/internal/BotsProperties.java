package io.knag.bots.internal;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code knag.bots.*}: which images may run, the per-user quotas, the bot manager's key (base64 X25519
 * private key; made at start-up when not given), when the manager first reconciles (a moment after start-up,
 * so that it does not compete with the first request) and how often after, and how long a launch
 * may take before it counts as failed. {@code platformUrl}: where a bot reaches the platform to report and to
 * reach the paper exchange (default {@code http://127.0.0.1:<this host's port>}); a report token lasts for its
 * launch and at most {@code reportTokenLifetime}; a running bot with no heartbeat for {@code silentAfter} is silent.
 */
@ConfigurationProperties("knag.bots")
public record BotsProperties(
        @DefaultValue({"knag/heartbeat-bot", "knag/reference-bot"}) List<String> imageAllowlist,
        @DefaultValue("20") int maxBots,
        @DefaultValue("5") int maxRunning,
        @DefaultValue("4000") int maxCpuMillis,
        @DefaultValue("4096") int maxMemoryMib,
        String managerPrivateKey,
        @DefaultValue("2s") Duration firstReconcileDelay,
        @DefaultValue("30s") Duration reconcileInterval,
        @DefaultValue("5m") Duration launchTimeout,
        @DefaultValue("7d") Duration rememberEventsFor,
        String platformUrl,
        @DefaultValue("30d") Duration reportTokenLifetime,
        @DefaultValue("60s") Duration silentAfter) {

    public BotsProperties {
        if (imageAllowlist.isEmpty() || imageAllowlist.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("knag.bots.image-allowlist needs at least one image or prefix");
        }
        if (reconcileInterval.toMillis() < 100 || launchTimeout.isNegative() || rememberEventsFor.toHours() < 1
                || reportTokenLifetime.toMinutes() < 1 || silentAfter.toSeconds() < 5) {
            throw new IllegalArgumentException("knag.bots.* durations out of range");
        }
    }
}
