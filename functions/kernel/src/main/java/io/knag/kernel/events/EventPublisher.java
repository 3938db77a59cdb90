package io.knag.kernel.events;

import reactor.core.publisher.Mono;

/** Sends an event to its consumers. Delivery is at least once; consumers dedupe on {@link Event#id()}. */
public interface EventPublisher {

    Mono<Void> publish(Event event);
}
