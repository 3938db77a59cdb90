package io.knag.kernel.events;

import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The embedded default: delivers each event to the consumers in this process, one after another.
 *
 * <p>The consumers are found when the first event is delivered, not when the publisher is made: a use case
 * publishes, and a consumer calls a use case (a deleted user's bots are erased by the bots' use case, which
 * publishes their status changes), so publisher and consumers refer to each other. Subscribing at first delivery
 * (as Spring's own event multicaster finds its listeners) lets every module inject its publisher plainly.
 */
public final class InProcessEventPublisher implements EventPublisher {

    private static final Logger log = LoggerFactory.getLogger(InProcessEventPublisher.class);

    private final Supplier<List<EventConsumer>> subscribers;
    private volatile List<EventConsumer> consumers;

    public InProcessEventPublisher(List<EventConsumer> consumers) {
        this.consumers = List.copyOf(consumers);
        this.subscribers = () -> this.consumers;
    }

    /** Consumers looked up once, when the first event is delivered (an application's consumer beans). */
    public InProcessEventPublisher(Supplier<List<EventConsumer>> subscribers) {
        this.subscribers = subscribers;
    }

    private List<EventConsumer> consumers() {
        List<EventConsumer> found = consumers;
        if (found == null) {
            found = List.copyOf(subscribers.get());
            consumers = found;
        }
        return found;
    }

    /** Delivers to the consumers that accept the event's type; none accepting is not an error (logged at DEBUG: a paper exchange announces hundreds of fills a second that nothing in the embedded default consumes). */
    @Override
    public Mono<Void> publish(Event event) {
        List<EventConsumer> consumers = consumers();
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
