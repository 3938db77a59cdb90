package io.knag.host.events;

import io.knag.cloudevents.HttpBinding;
import io.knag.cloudevents.Redelivery;
import io.knag.kernel.events.Event;
import io.knag.kernel.events.EventPublisher;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Sends events to the broker ({@code K_SINK}, set by a Knative SinkBinding, or {@code knag.events.sink}) as
 * binary-mode CloudEvents over HTTP, retried as {@link Redelivery} says; what still
 * fails is counted ({@code knag.events.published} with {@code outcome=failed}) and reported to the caller.
 */
final class HttpEventPublisher implements EventPublisher {

    private static final Logger log = LoggerFactory.getLogger(HttpEventPublisher.class);

    private final WebClient client;
    private final URI sink;
    private final HttpBinding http;
    private final MeterRegistry meters;
    private final Retry retry;

    HttpEventPublisher(WebClient client, URI sink, HttpBinding http, MeterRegistry meters, int attempts,
                       Duration firstBackoff) {
        this.client = client;
        this.sink = sink;
        this.http = http;
        this.meters = meters;
        this.retry = Redelivery.backoff(attempts, firstBackoff);
    }

    @Override
    public Mono<Void> publish(Event event) {
        HttpBinding.Message message = http.write(event);
        return client.post().uri(sink)
                .headers(headers -> message.headers().forEach(headers::set))
                .bodyValue(message.body())
                .retrieve().toBodilessEntity()
                .retryWhen(retry)
                .doOnSuccess(done -> {
                    meters.counter("knag.events.published", "type", event.type(), "outcome", "delivered").increment();
                    log.info("event {} type={} subject={} sent to the broker", event.id(), event.type(), event.subject());
                })
                .doOnError(e -> {
                    meters.counter("knag.events.published", "type", event.type(), "outcome", "failed").increment();
                    log.error("event {} type={} not delivered to the broker: {}", event.id(), event.type(),
                            e.getClass().getSimpleName());
                })
                .then();
    }
}
