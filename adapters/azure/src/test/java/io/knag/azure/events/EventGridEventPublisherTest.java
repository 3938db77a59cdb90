package io.knag.azure.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.knag.bots.BotStopRequested;
import io.knag.cloudevents.EventCodec;
import io.knag.kernel.events.Event;
import io.knag.kernel.events.EventType;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.reactive.function.client.WebClientResponseException;

/** Publishing to an Event Grid topic (one on loopback that keeps what it is sent). */
class EventGridEventPublisherTest {

    static final String KEY = "the-topic-key";
    static final Duration WAIT = Duration.ofSeconds(10);

    final EventGridTopic topic = new EventGridTopic();
    final EventCodec codec = new EventCodec(List.of(new EventType(BotStopRequested.TYPE, BotStopRequested.SOURCE, BotStopRequested.class)));
    final Event event = new Event(UUID.randomUUID(), BotStopRequested.TYPE, BotStopRequested.SOURCE, "bot-1",
            Instant.parse("2025-06-02T09:14:31Z"), new BotStopRequested(UUID.randomUUID(), UUID.randomUUID(), 1, "owner"));

    @AfterEach
    void closeTopic() {
        topic.close();
    }

    @Test
    void eachEventIsPostedAsABatchOfOneStructuredCloudEventWithTheTopicKey() throws Exception {
        publisher(topic.endpoint(), 1).publish(event).block(WAIT);

        assertThat(topic.received).hasSize(1);
        var request = topic.received.get(0);
        assertThat(request.headers()).containsEntry("aeg-sas-key", KEY);
        assertThat(request.headers().get("content-type")).isEqualToIgnoringWhitespace(
                "application/cloudevents-batch+json;charset=utf-8");
        var batch = new ObjectMapper().readTree(request.body());
        assertThat(batch.isArray()).isTrue();
        assertThat(batch).hasSize(1);
        assertThat(codec.fromJson(batch.get(0).toString().getBytes())).isEqualTo(event);
    }

    @Test
    void aBusyOrFailingTopicIsRetriedUntilItAccepts() {
        topic.failures.set(2);
        topic.failureStatus = 503;
        publisher(topic.endpoint(), 4).publish(event).block(WAIT);

        topic.failures.set(1);
        topic.failureStatus = 429;
        publisher(topic.endpoint(), 4).publish(event).block(WAIT);

        assertThat(topic.received).extracting(EventGridTopic.Received::status).containsExactly(503, 503, 200, 429, 200);
    }

    @Test
    void aBatchTheTopicRefusesIsNotRetried() {
        topic.failures.set(5);
        topic.failureStatus = 400;

        assertThatThrownBy(() -> publisher(topic.endpoint(), 4).publish(event).block(WAIT))
                .isInstanceOf(WebClientResponseException.BadRequest.class);
        assertThat(topic.received).hasSize(1);
    }

    @Test
    void aTopicThatCannotBeReachedFailsThePublishAfterItsAttempts() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }

        assertThatThrownBy(() -> publisher("http://127.0.0.1:" + closed + "/api/events", 3).publish(event).block(WAIT))
                .isInstanceOf(WebClientRequestException.class);
    }

    @Test
    void theTopicKeyIsRequiredTravelsOnlyOverHttpsAndIsNeverPrinted() {
        assertThatThrownBy(() -> new EventGridProperties(URI.create("https://t.westeurope-1.eventgrid.azure.net/api/events"),
                null, 4, Duration.ZERO, Duration.ofSeconds(1))).hasMessageContaining("KNAG_EVENTS_EVENT_GRID_KEY");
        assertThatThrownBy(() -> new EventGridProperties(URI.create("http://t.westeurope-1.eventgrid.azure.net/api/events"),
                KEY, 4, Duration.ZERO, Duration.ofSeconds(1))).hasMessageContaining("must be https");
        var settings = new EventGridProperties(URI.create("https://t.westeurope-1.eventgrid.azure.net/api/events"), KEY, 4,
                Duration.ZERO, Duration.ofSeconds(1));
        assertThat(settings.toString()).doesNotContain(KEY);
        assertThat(new EventGridProperties(null, null, 4, Duration.ZERO, Duration.ofSeconds(1)).endpoint()).isNull();
    }

    private EventGridEventPublisher publisher(String endpoint, int attempts) {
        return new EventGridEventPublisher(WebClient.create(), codec,
                new EventGridProperties(URI.create(endpoint), KEY, attempts, Duration.ofMillis(10), Duration.ofSeconds(2)));
    }
}
