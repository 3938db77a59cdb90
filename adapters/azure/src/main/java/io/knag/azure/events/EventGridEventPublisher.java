package io.knag.azure.events;

import io.knag.cloudevents.EventCodec;
import io.knag.cloudevents.Redelivery;
import io.knag.kernel.events.Event;
import io.knag.kernel.events.EventPublisher;
import java.io.ByteArrayOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Publishes each event to an Event Grid topic (CloudEvents 1.0 input schema): a batch of one structured
 * CloudEvent, authenticated with the topic's key ({@code aeg-sas-key}). A refused connection, a timeout, a 5xx
 * or a 429 is retried with backoff; what still fails is reported to the caller. The key is never logged.
 */
final class EventGridEventPublisher implements EventPublisher {

    static final MediaType BATCH = MediaType.parseMediaType("application/cloudevents-batch+json; charset=utf-8");
    static final String KEY_HEADER = "aeg-sas-key";

    private static final Logger log = LoggerFactory.getLogger(EventGridEventPublisher.class);

    private final WebClient client;
    private final EventCodec codec;
    private final EventGridProperties topic;
    private final Retry retry;

    EventGridEventPublisher(WebClient client, EventCodec codec, EventGridProperties topic) {
        this.client = client;
        this.codec = codec;
        this.topic = topic;
        this.retry = Redelivery.backoff(topic.attempts(), topic.firstBackoff());
    }

    @Override
    public Mono<Void> publish(Event event) {
        return Mono.fromSupplier(() -> batchOf(codec.toJson(event)))
                .flatMap(body -> client.post().uri(topic.endpoint())
                        .header(KEY_HEADER, topic.key())
                        .contentType(BATCH)
                        .bodyValue(body)
                        .retrieve().toBodilessEntity()
                        .timeout(topic.timeout())
                        .retryWhen(retry))
                .doOnSuccess(done -> log.info("event {} type={} subject={} sent to Event Grid", event.id(), event.type(),
                        event.subject()))
                .doOnError(e -> log.error("event {} type={} not delivered to Event Grid: {}", event.id(), event.type(),
                        e instanceof WebClientResponseException r ? "HTTP " + r.getStatusCode().value()
                                : e.getClass().getSimpleName()))
                .then();
    }

    private static byte[] batchOf(byte[] event) {
        ByteArrayOutputStream batch = new ByteArrayOutputStream(event.length + 2);
        batch.write('[');
        batch.writeBytes(event);
        batch.write(']');
        return batch.toByteArray();
    }
}
