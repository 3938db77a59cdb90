package io.knag.runtime.local.internal;

import io.knag.bots.runtime.BotRuntimeOption;
import io.knag.runtime.local.LocalBotRuntime;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Offers the local runtime as {@code knag.bots.runtime=local} (the default, and the embedded default's). It is
 * made only when chosen: the bots module picks among the options when the platform starts.
 */
@AutoConfiguration
@EnableConfigurationProperties(LocalRuntimeProperties.class)
public class LocalRuntimeAutoConfiguration {

    @Bean
    BotRuntimeOption localBotRuntimeOption(LocalRuntimeProperties properties, Environment environment) {
        return new BotRuntimeOption("local", () -> {
            Path data = Path.of(environment.getProperty("knag.database.data-dir", "./data"));
            try {
                return new LocalBotRuntime(properties.toSettings(data));
            } catch (IOException e) {
                throw new UncheckedIOException("the local bot runtime cannot use " + data, e);
            }
        });
    }
}
