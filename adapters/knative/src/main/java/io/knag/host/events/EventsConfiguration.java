package io.knag.host.events;

import io.knag.cloudevents.HttpBinding;
import io.knag.kernel.events.EventConsumer;
import io.knag.kernel.events.EventPublisher;
import io.knag.kernel.events.InProcessEventPublisher;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Where events go. With a broker ({@code knag.events.sink}, or {@code K_SINK} as Knative injects it) they are
 * sent there and come back through the Triggers to each subscriber's {@code /events}; without one (the
 * embedded default) they are delivered in-process. Read when the host starts, not decided by a condition: an
 * ahead-of-time (Spring AOT) build decides conditions at build time, where Knative's K_SINK is never set.
 */
@Configuration(proxyBeanMethods = false)
class EventsConfiguration {

    @Bean
    EventPublisher eventPublisher(Environment environment, ObjectProvider<EventConsumer> consumers,
                                  ObjectProvider<HttpBinding> http,
                                  ObjectProvider<MeterRegistry> meters) {
        String sink = sink(environment);
        if (sink.isBlank()) {
            return new InProcessEventPublisher(consumers.orderedStream().toList());
        }
        int attempts = environment.getProperty("knag.events.attempts", Integer.class, 4);
        Duration backoff = environment.getProperty("knag.events.first-backoff", Duration.class, Duration.ofMillis(200));
        return new HttpEventPublisher(WebClient.create(), URI.create(sink), http.getObject(), meters.getObject(),
                attempts, backoff);
    }

    /** The broker events go to ({@code knag.events.sink}, else Knative's {@code K_SINK}); blank: in-process. */
    static String sink(Environment environment) {
        return environment.getProperty("knag.events.sink", environment.getProperty("K_SINK", ""));
    }
}
