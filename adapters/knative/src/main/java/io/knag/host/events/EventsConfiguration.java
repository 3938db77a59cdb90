package io.knag.host.events;

import io.knag.cloudevents.HttpBinding;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
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
            return new InProcessEventPublisher(() -> consumers.orderedStream().toList());
        }
        requireSigning(http.getObject());
        int attempts = environment.getProperty("knag.events.attempts", Integer.class, 4);
        Duration backoff = environment.getProperty("knag.events.first-backoff", Duration.class, Duration.ofMillis(200));
        return new HttpEventPublisher(WebClient.create(), URI.create(sink), http.getObject(), meters.getObject(),
                attempts, backoff);
    }

    /** Events that go through a broker are signed and verified: a host with a broker and no key does not start. */
    static void requireSigning(HttpBinding http) {
        if (!http.signs()) {
            throw new InvalidConfigurationPropertyValueException("knag.events.signing-key", "",
                    "events go through a broker, so they must be signed: set it to 32 random bytes in base64 "
                            + "(openssl rand -base64 32), the same for every function group");
        }
    }

    /** The broker events go to ({@code knag.events.sink}, else Knative's {@code K_SINK}); blank: in-process. */
    static String sink(Environment environment) {
        return environment.getProperty("knag.events.sink", environment.getProperty("K_SINK", ""));
    }
}
