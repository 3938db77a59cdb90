package io.knag.kernel.events;

import reactor.core.publisher.Mono;

/** Receives the events whose type it accepts. */
public interface EventConsumer {

    boolean accepts(String type);

    Mono<Void> consume(Event event);
}
