package io.knag.runtime.local.internal;

import io.knag.bots.runtime.BotRuntime;
import io.knag.runtime.local.LocalBotRuntime;
import java.io.IOException;
import java.nio.file.Path;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/** The local runtime, unless another is chosen with {@code knag.bots.runtime} (the embedded default's). */
@AutoConfiguration
@ConditionalOnProperty(name = "knag.bots.runtime", havingValue = "local", matchIfMissing = true)
@EnableConfigurationProperties(LocalRuntimeProperties.class)
public class LocalRuntimeAutoConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean(BotRuntime.class)
    LocalBotRuntime localBotRuntime(LocalRuntimeProperties properties, Environment environment) throws IOException {
        Path data = Path.of(environment.getProperty("knag.database.data-dir", "./data"));
        return new LocalBotRuntime(properties.toSettings(data));
    }
}
