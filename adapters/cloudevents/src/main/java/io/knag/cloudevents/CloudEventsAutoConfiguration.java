package io.knag.cloudevents;

import io.knag.kernel.events.EventType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.core.env.Environment;
import org.springframework.context.annotation.Bean;

/**
 * The event codec over every {@link EventType} the capabilities of this application declare, and the HTTP binding,
 * which signs and verifies with {@code knag.events.signing-key} when it is set ({@link EventSignatures}).
 */
@AutoConfiguration
public class CloudEventsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    EventCodec eventCodec(ObjectProvider<EventType> types) {
        return new EventCodec(types.orderedStream().toList());
    }

    @Bean
    @ConditionalOnMissingBean
    HttpBinding cloudEventsHttpBinding(EventCodec codec, Environment environment) {
        String key = environment.getProperty("knag.events.signing-key", "");
        if (key.isBlank()) {
            return new HttpBinding(codec);
        }
        try {
            return new HttpBinding(codec, EventSignatures.withKey(key));
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigurationPropertyValueException("knag.events.signing-key", key, e.getMessage());
        }
    }
}
