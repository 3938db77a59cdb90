package io.knag.runtime.local.internal;

import io.knag.runtime.local.LocalRuntimeSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code knag.runtime.local.*}. {@code programs} maps an image repository to the command that runs it here,
 * e.g. {@code knag.runtime.local.programs[ghcr.io/me/my-bot]=/opt/my-bot/run}; {@code knag/heartbeat-bot}
 * and {@code knag/reference-bot} are always there. The directory defaults to {@code <data dir>/bots}.
 */
@ConfigurationProperties("knag.runtime.local")
public record LocalRuntimeProperties(
        Path directory,
        Map<String, List<String>> programs,
        @DefaultValue("5s") Duration stopGrace,
        @DefaultValue("1s") Duration firstRestartDelay,
        @DefaultValue("60s") Duration healthyRun,
        @DefaultValue("1000") int outputLines) {

    LocalRuntimeSettings toSettings(Path dataDirectory) {
        Map<String, List<String>> all = new HashMap<>();
        all.put("knag/heartbeat-bot", List.of(LocalRuntimeSettings.HEARTBEAT));
        all.put("knag/reference-bot", List.of(LocalRuntimeSettings.REFERENCE));
        if (programs != null) {
            all.putAll(programs);
        }
        return new LocalRuntimeSettings(directory != null ? directory : dataDirectory.resolve("bots"), all, stopGrace,
                firstRestartDelay, healthyRun, outputLines);
    }
}
