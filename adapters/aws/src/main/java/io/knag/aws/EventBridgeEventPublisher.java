package io.knag.aws;

import io.knag.kernel.events.Event;
import io.knag.kernel.events.EventPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;

/**
 * Sends events to an EventBridge bus (PutEvents; the SDK retries throttling and 5xx). An entry EventBridge
 * refuses is a failure the caller sees, logged with the event's id only.
 */
final class EventBridgeEventPublisher implements EventPublisher {

    private static final Logger log = LoggerFactory.getLogger(EventBridgeEventPublisher.class);

    private final EventBridgeClient client;
    private final String bus;
    private final EventBridgeMapping mapping;

    EventBridgeEventPublisher(EventBridgeClient client, String bus, EventBridgeMapping mapping) {
        this.client = client;
        this.bus = bus;
        this.mapping = mapping;
    }

    @Override
    public Mono<Void> publish(Event event) {
        return Mono.fromCallable(() -> client.putEvents(request -> request.entries(PutEventsRequestEntry.builder()
                        .eventBusName(bus).source(event.source()).detailType(event.type()).time(event.time())
                        .detail(mapping.detail(event)).build())))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(response -> failed(response) ? Mono.error(new IllegalStateException(
                        "EventBridge refused event " + event.id() + ": " + response.entries().get(0).errorCode()))
                        : Mono.<Void>empty())
                .doOnSuccess(done -> log.info("event {} type={} subject={} put on {}", event.id(), event.type(),
                        event.subject(), bus))
                .doOnError(e -> log.error("event {} type={} not put on {}: {}", event.id(), event.type(), bus,
                        e.getClass().getSimpleName()));
    }

    private static boolean failed(PutEventsResponse response) {
        return response.failedEntryCount() != null && response.failedEntryCount() > 0;
    }
}
