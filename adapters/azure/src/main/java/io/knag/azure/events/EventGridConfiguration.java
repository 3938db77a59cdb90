package io.knag.azure.events;

import io.knag.cloudevents.EventCodec;
import io.knag.kernel.events.EventPublisher;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Where events go: to the Event Grid topic when {@code knag.events.event-grid.endpoint} is set (its subscription
 * delivers them back to the platformEvents function), otherwise to this process's consumers (the kernel's default).
 */
@Configuration(proxyBeanMethods = false)
class EventGridConfiguration {

    @Bean
    @ConditionalOnExpression("'${knag.events.event-grid.endpoint:}' != ''")
    EventPublisher eventGridEventPublisher(ObjectProvider<WebClient.Builder> web, EventCodec codec,
                                           EventGridProperties properties) {
        return new EventGridEventPublisher(web.getIfAvailable(WebClient::builder).build(), codec, properties);
    }
}
