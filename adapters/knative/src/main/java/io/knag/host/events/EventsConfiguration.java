package io.knag.host.events;

import io.knag.cloudevents.HttpBinding;
import io.knag.kernel.events.EventPublisher;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Where events go. With a broker ({@code knag.events.sink}, or {@code K_SINK} as Knative injects it) they are
 * sent there and come back through the Triggers to each subscriber's {@code /events}; without one (the
 * embedded default) the kernel delivers them in-process.
 */
@Configuration(proxyBeanMethods = false)
class EventsConfiguration {

    @Bean
    @ConditionalOnExpression("'${knag.events.sink:${K_SINK:}}' != ''")
    EventPublisher brokerEventPublisher(WebClient.Builder web, HttpBinding http, MeterRegistry meters,
                                        Environment environment) {
        URI sink = URI.create(environment.getProperty("knag.events.sink", environment.getProperty("K_SINK", "")));
        int attempts = environment.getProperty("knag.events.attempts", Integer.class, 4);
        Duration backoff = environment.getProperty("knag.events.first-backoff", Duration.class, Duration.ofMillis(200));
        return new HttpEventPublisher(web.build(), sink, http, meters, attempts, backoff);
    }
}
