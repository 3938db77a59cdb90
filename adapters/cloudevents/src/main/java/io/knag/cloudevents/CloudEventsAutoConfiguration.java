package io.knag.cloudevents;

import io.knag.kernel.events.EventType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** The event codec over every {@link EventType} the capabilities of this application declare. */
@AutoConfiguration
public class CloudEventsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    EventCodec eventCodec(ObjectProvider<EventType> types) {
        return new EventCodec(types.orderedStream().toList());
    }

    @Bean
    @ConditionalOnMissingBean
    HttpBinding cloudEventsHttpBinding(EventCodec codec) {
        return new HttpBinding(codec);
    }
}
