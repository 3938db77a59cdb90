package io.knag.host.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.knag.bots.BotStopRequested;
import io.knag.cloudevents.EventCodec;
import io.knag.cloudevents.HttpBinding;
import io.knag.kernel.events.Event;
import io.knag.kernel.events.EventType;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;

/** Sending to a broker over real loopback HTTP: binary mode, retries with backoff, failures counted. */
class HttpEventPublisherTest {

    final TestBroker broker = new TestBroker();
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final HttpBinding http = new HttpBinding(new EventCodec(List.of(new EventType(BotStopRequested.TYPE, BotStopRequested.SOURCE,
            BotStopRequested.class))));
    final HttpEventPublisher publisher = new HttpEventPublisher(WebClient.create(), URI.create(broker.url()), http, meters,
            4, Duration.ofMillis(20));
    final Event event = new Event(UUID.randomUUID(), BotStopRequested.TYPE, BotStopRequested.SOURCE,
            UUID.randomUUID().toString(), Instant.now(), new BotStopRequested(UUID.randomUUID(), UUID.randomUUID(), 1, "x"));

    @AfterEach
    void close() {
        broker.close();
    }

    double counted(String outcome) {
        var counter = meters.find("knag.events.published").tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void anEventIsSentInBinaryMode() {
        publisher.publish(event).block();
        assertThat(broker.received).singleElement().satisfies(r -> {
            assertThat(r.headers()).containsEntry("ce-id", event.id().toString())
                    .containsEntry("ce-type", BotStopRequested.TYPE).containsEntry("ce-specversion", "1.0");
            assertThat(r.body()).startsWith("{\"botId\"");
        });
        assertThat(counted("delivered")).isEqualTo(1);
    }

    @Test
    void aBrokerThatIsBrieflyUnavailableGetsTheEventOnARetry() {
        broker.failures.set(2);
        publisher.publish(event).block();
        assertThat(broker.received).hasSize(1);
        assertThat(counted("failed")).isZero();
    }

    @Test
    void aBrokerThatStaysDownMakesAVisibleFailure() {
        broker.failures.set(100);
        assertThatThrownBy(() -> publisher.publish(event).block()).isNotNull();
        assertThat(broker.received).isEmpty();
        assertThat(counted("failed")).isEqualTo(1);
    }
}
