package io.knag.bots.application;

import io.knag.bots.domain.Bot;
import io.knag.bots.reports.domain.ReportGrant;
import io.knag.bots.reports.domain.ReportTokens;
import io.knag.bots.runtime.BotEndpoints;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What a launch tells a bot about reporting back: a report token for that launch (in its credentials file) and,
 * in its environment, the URL it reports to ({@code <platform>/api/v1/bots/<id>/reports}) and the base URL of
 * its broker when the platform runs that broker (the paper exchange).
 */
public final class LaunchReporting {

    private final ReportTokens tokens;
    private final Duration tokenLifetime;
    private final Supplier<String> platformUrl;
    private final Map<String, String> brokerPaths;

    /**
     * @param platformUrl where a bot reaches the platform (read at each launch: a host's port may be known only once
     *                    it listens)
     * @param brokerPaths brokers the platform runs, to their path under the platform URL ({@code paper: /paper})
     */
    public LaunchReporting(ReportTokens tokens, Duration tokenLifetime, Supplier<String> platformUrl,
                           Map<String, String> brokerPaths) {
        this.tokens = tokens;
        this.tokenLifetime = tokenLifetime;
        this.platformUrl = platformUrl;
        this.brokerPaths = Map.copyOf(brokerPaths);
    }

    String token(Bot bot, Instant now) {
        return tokens.issue(new ReportGrant(bot.id(), bot.generation(), now.plus(tokenLifetime)));
    }

    BotEndpoints endpoints(Bot bot, String broker) {
        String base = platformUrl.get();
        base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        String brokerPath = brokerPaths.get(broker);
        return new BotEndpoints(base + "/api/v1/bots/" + bot.id() + "/reports", brokerPath == null ? null : base + brokerPath);
    }
}
