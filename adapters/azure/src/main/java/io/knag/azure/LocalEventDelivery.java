package io.knag.azure;

import io.knag.cloudevents.EventCodec;
import io.knag.cloudevents.EventRejected;
import io.knag.kernel.events.Event;
import io.knag.kernel.events.EventConsumer;
import io.knag.kernel.events.InProcessEventPublisher;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Hands one structured CloudEvents JSON event to this application's consumers of its type, as the Knative
 * host's sink does. {@link EventRejected} (unknown type, missing attribute, malformed data) is logged with its
 * reason and thrown; a type no consumer here takes is ignored.
 */
@Component
class LocalEventDelivery {

    private static final Logger log = LoggerFactory.getLogger(LocalEventDelivery.class);

    private final EventCodec codec;
    private final ObjectProvider<EventConsumer> consumers;

    LocalEventDelivery(EventCodec codec, ObjectProvider<EventConsumer> consumers) {
        this.codec = codec;
        this.consumers = consumers;
    }

    void deliver(String json) {
        new InProcessEventPublisher(consumers.orderedStream().toList()).publish(read(json)).block(java.time.Duration.ofSeconds(25));
    }

    private Event read(String json) {
        try {
            Event event = codec.fromJson(json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8));
            log.info("event {} type={} subject={} received from Event Grid", event.id(), event.type(), event.subject());
            return event;
        } catch (EventRejected e) {
            log.warn("event from Event Grid rejected: {}", e.getMessage());
            throw e;
        }
    }
}
