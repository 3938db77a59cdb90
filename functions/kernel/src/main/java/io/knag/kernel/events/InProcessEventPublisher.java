package io.knag.kernel.events;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The embedded default: delivers each event to the consumers in this process, one after another. */
public final class InProcessEventPublisher implements EventPublisher {

    private static final Logger log = LoggerFactory.getLogger(InProcessEventPublisher.class);

    private final List<EventConsumer> consumers;

    public InProcessEventPublisher(List<EventConsumer> consumers) {
        this.consumers = List.copyOf(consumers);
    }

    /** Delivers to the consumers that accept the event's type; none accepting is not an error (logged at DEBUG: a paper exchange announces hundreds of fills a second that nothing in the embedded default consumes). */
    @Override
    public Mono<Void> publish(Event event) {
        if (consumers.stream().noneMatch(consumer -> consumer.accepts(event.type()))) {
            log.debug("event {} type={}: no consumer here, ignored", event.id(), event.type());
            return Mono.empty();
        }
        return Flux.fromIterable(consumers)
                .filter(consumer -> consumer.accepts(event.type()))
                .concatMap(consumer -> consumer.consume(event))
                .then()
                .doOnSuccess(done -> log.info("event {} type={} subject={} delivered", event.id(), event.type(),
                        event.subject()));
    }
}
