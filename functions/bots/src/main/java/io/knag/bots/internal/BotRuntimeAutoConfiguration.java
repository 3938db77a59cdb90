package io.knag.bots.internal;

import io.knag.bots.runtime.BotRuntime;
import io.knag.bots.runtime.BotRuntimeOption;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * The bot runtime named by {@code knag.bots.runtime} among those this artifact carries; when unset, the only one
 * it carries, or {@code local}. Read when the platform starts: a condition on the property would be decided once, at build time,
 * in an ahead-of-time (Spring AOT) build.
 */
@AutoConfiguration(before = BotsAutoConfiguration.class, afterName = {
        "io.knag.runtime.local.internal.LocalRuntimeAutoConfiguration",
        "io.knag.runtime.kubernetes.internal.KubernetesRuntimeAutoConfiguration"})
@ConditionalOnBean(BotRuntimeOption.class)
public class BotRuntimeAutoConfiguration {

    static final String DEFAULT = "local";

    /**
     * Made at start-up (the bot manager starts with it): a name this artifact lacks stops the start. Closed with the
     * context (the runtime's {@code close}): informers stop, local bots stop.
     */
    @Bean
    @ConditionalOnMissingBean(BotRuntime.class)
    BotRuntime botRuntime(List<BotRuntimeOption> options, Environment environment) {
        String name = environment.getProperty("knag.bots.runtime",
                options.size() == 1 ? options.get(0).name() : DEFAULT);
        return choose(options, name).runtime().get();
    }

    static BotRuntimeOption choose(List<BotRuntimeOption> options, String name) {
        return options.stream().filter(option -> option.name().equals(name)).findFirst()
                .orElseThrow(() -> new InvalidConfigurationPropertyValueException("knag.bots.runtime", name,
                        "this artifact has no such runtime; it has " + options.stream().map(BotRuntimeOption::name)
                        .collect(Collectors.joining(", "))));
    }
}
