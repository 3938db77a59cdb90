package io.knag.runtime.local.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.knag.bots.internal.BotRuntimeAutoConfiguration;
import io.knag.bots.runtime.BotRuntime;
import io.knag.runtime.local.LocalBotRuntime;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class LocalRuntimeAutoConfigurationTest {

    @TempDir
    Path data;

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(LocalRuntimeAutoConfiguration.class,
                        BotRuntimeAutoConfiguration.class))
                .withPropertyValues("knag.database.data-dir=" + data);
    }

    @Test
    void theLocalRuntimeIsTheDefaultAndWhatLocalNames() {
        runner().run(context -> assertThat(context).getBean(BotRuntime.class).isInstanceOf(LocalBotRuntime.class));
        runner().withPropertyValues("knag.bots.runtime=local")
                .run(context -> assertThat(context).getBean(BotRuntime.class).isInstanceOf(LocalBotRuntime.class));
    }

    @Test
    void anotherRuntimeNameIsRefusedWithTheOnesThereAre() {
        runner().withPropertyValues("knag.bots.runtime=kubernetes")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasStackTraceContaining("Property knag.bots.runtime with value 'kubernetes' is invalid: this artifact has no such runtime; it has local"));
    }
}
