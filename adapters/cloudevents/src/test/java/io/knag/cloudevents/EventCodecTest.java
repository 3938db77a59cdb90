package io.knag.cloudevents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.knag.bots.BotStartRequested;
import io.knag.bots.BotStatusChanged;
import io.knag.bots.BotStopRequested;
import io.knag.bots.domain.BotState;
import io.knag.identity.UserDeleted;
import io.knag.kernel.events.Event;
import io.knag.kernel.events.EventType;
import io.knag.vault.LaunchEnvelope;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventCodecTest {

    final EventCodec codec = new EventCodec(List.of(new EventType(BotStartRequested.TYPE, BotStartRequested.SOURCE, BotStartRequested.class),
            new EventType(BotStopRequested.TYPE, BotStopRequested.SOURCE, BotStopRequested.class),
            new EventType(BotStatusChanged.TYPE, java.util.Set.of(BotStatusChanged.SOURCE, BotStartRequested.SOURCE), BotStatusChanged.class),
            new EventType(UserDeleted.TYPE, UserDeleted.SOURCE, UserDeleted.class)));
    final UUID bot = UUID.randomUUID();
    final UUID owner = UUID.randomUUID();
    final Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);

    Event event(String type, String source, Object data) {
        return new Event(UUID.randomUUID(), type, source, bot.toString(), now, data);
    }

    @Test
    void everyPlatformEventSurvivesBothCloudEventForms() {
        var envelope = new LaunchEnvelope(1, owner, bot, UUID.randomUUID(), "alpaca", "ABCD-EFGH", "ZW5j", "Y2lwaGVy");
        for (Event event : List.of(
                event(BotStartRequested.TYPE, BotStartRequested.SOURCE, new BotStartRequested(bot, owner, 3, envelope)),
                event(BotStopRequested.TYPE, BotStopRequested.SOURCE, new BotStopRequested(bot, owner, 3, "deleted")),
                event(BotStatusChanged.TYPE, BotStatusChanged.SOURCE,
                        new BotStatusChanged(bot, owner, null, BotState.CREATED, now, "created")),
                event(UserDeleted.TYPE, UserDeleted.SOURCE, new UserDeleted(owner, now)))) {
            assertThat(codec.fromCloudEvent(codec.toCloudEvent(event))).isEqualTo(event);
            assertThat(codec.fromJson(codec.toJson(event))).isEqualTo(event);
        }
    }

    @Test
    void theStructuredFormIsCloudEvents10Json() {
        Event event = event(BotStopRequested.TYPE, BotStopRequested.SOURCE, new BotStopRequested(bot, owner, 1, "x"));
        String json = new String(codec.toJson(event), StandardCharsets.UTF_8);
        assertThat(json).contains("\"specversion\":\"1.0\"").contains("\"id\":\"" + event.id() + "\"")
                .contains("\"type\":\"io.knag.bot.stop.requested\"").contains("\"source\":\"/knag/bots\"")
                .contains("\"subject\":\"" + bot + "\"").contains("\"datacontenttype\":\"application/json\"")
                .contains("\"data\":{\"botId\":\"" + bot + "\"");
    }

    @Test
    void unknownTypesMissingAttributesAndMalformedDataAreRejectedWithoutEchoingData() {
        String id = UUID.randomUUID().toString();
        List<String> bad = List.of(
                "{\"specversion\":\"1.0\",\"id\":\"" + id + "\",\"source\":\"/x\",\"type\":\"io.knag.bot.explode.requested\",\"data\":{}}",
                "{\"specversion\":\"1.0\",\"source\":\"/knag/bots\",\"type\":\"io.knag.bot.stop.requested\",\"data\":{}}",
                "{\"specversion\":\"1.0\",\"id\":\"" + id + "\",\"type\":\"io.knag.bot.stop.requested\",\"data\":{}}",
                "{\"specversion\":\"0.3\",\"id\":\"" + id + "\",\"source\":\"/knag/bots\",\"type\":\"io.knag.bot.stop.requested\"}",
                "{\"specversion\":\"1.0\",\"id\":\"not-a-uuid\",\"source\":\"/knag/bots\",\"type\":\"io.knag.bot.stop.requested\",\"data\":{}}",
                "{\"specversion\":\"1.0\",\"id\":\"" + id + "\",\"source\":\"/knag/bots\",\"type\":\"io.knag.bot.stop.requested\"}",
                "{\"specversion\":\"1.0\",\"id\":\"" + id + "\",\"source\":\"/knag/bots\",\"type\":\"io.knag.bot.stop.requested\","
                        + "\"data\":{\"botId\":\"SECRET-MARKER\"}}",
                "{\"specversion\":\"1.0\",\"id\":\"" + id + "\",\"source\":\"/knag/bots\",\"type\":\"io.knag.bot.stop.requested\","
                        + "\"data\":{\"botId\":\"" + bot + "\",\"owner\":\"" + owner + "\",\"generation\":1,\"reason\":\"r\","
                        + "\"extra\":\"SECRET-MARKER\"}}",
                "not json at all SECRET-MARKER");
        for (String json : bad) {
            assertThatThrownBy(() -> codec.fromJson(json.getBytes(StandardCharsets.UTF_8))).as(json)
                    .isInstanceOf(EventRejected.class).message().doesNotContain("SECRET-MARKER");
        }
    }

    @Test
    void theHttpBindingWritesBinaryModeAndReadsBothModes() {
        var http = new HttpBinding(codec);
        Event event = event(BotStopRequested.TYPE, BotStopRequested.SOURCE, new BotStopRequested(bot, owner, 1, "x"));
        HttpBinding.Message message = http.write(event);
        assertThat(message.headers()).containsEntry("ce-specversion", "1.0").containsEntry("ce-id", event.id().toString())
                .containsEntry("ce-type", BotStopRequested.TYPE).containsEntry("ce-source", "/knag/bots")
                .containsEntry("ce-subject", bot.toString()).containsEntry("Content-Type", "application/json");
        Map<String, List<String>> headers = new java.util.HashMap<>();
        message.headers().forEach((name, value) -> headers.put(name, List.of(value)));
        assertThat(http.read(headers, message.body())).isEqualTo(event);
        assertThat(http.read(Map.of("content-type", List.of("application/cloudevents+json")), codec.toJson(event)))
                .isEqualTo(event);
        assertThatThrownBy(() -> http.read(Map.of("content-type", List.of("application/json")), message.body()))
                .isInstanceOf(EventRejected.class);
        Map<String, List<String>> noId = new java.util.HashMap<>(headers);
        noId.remove("ce-id");
        assertThatThrownBy(() -> http.read(noId, message.body())).isInstanceOf(EventRejected.class);
    }

    @Test
    void anEventTypeIsAcceptedOnlyFromTheSourcesDeclaredForIt() {
        byte[] data = codec.data(new UserDeleted(owner, Instant.parse("2026-12-07T10:00:00Z")));
        for (String source : new String[] {"/knag/bots", "/knag/bot-manager", "/knag/identity/", "/x", "https://evil.example"}) {
            assertThatThrownBy(() -> codec.fromAttributes(Map.of("id", UUID.randomUUID().toString(), "type", UserDeleted.TYPE,
                    "source", source)::get, data)).as(source).isInstanceOf(EventRejected.class)
                    .hasMessageContaining("/knag/identity");
        }
        assertThat(codec.fromAttributes(Map.of("id", UUID.randomUUID().toString(), "type", UserDeleted.TYPE,
                "source", "/knag/identity")::get, data).source()).isEqualTo("/knag/identity");
        byte[] status = codec.data(new BotStatusChanged(bot, owner, io.knag.bots.domain.BotState.CREATED, io.knag.bots.domain.BotState.STARTING, Instant.now(), "start requested"));
        for (String source : new String[] {"/knag/bots", "/knag/bot-manager"}) {
            assertThat(codec.fromAttributes(Map.of("id", UUID.randomUUID().toString(), "type", BotStatusChanged.TYPE,
                    "source", source)::get, status).source()).isEqualTo(source);
        }
    }

    @Test
    void attributesFromAnotherPlatformsEnvelopeAreCheckedTheSameWay() {
        byte[] data = codec.data(new BotStopRequested(bot, owner, 2, "requested"));
        Map<String, String> attributes = Map.of("id", UUID.randomUUID().toString(), "type", BotStopRequested.TYPE,
                "source", "/knag/bots", "subject", bot.toString(), "time", "2026-11-25T03:00:00Z");
        Event event = codec.fromAttributes(attributes::get, data);
        assertThat(event.data()).isEqualTo(new BotStopRequested(bot, owner, 2, "requested"));
        assertThat(event.time()).isEqualTo(Instant.parse("2026-11-25T03:00:00Z"));
        assertThatThrownBy(() -> codec.fromAttributes(Map.of("type", BotStopRequested.TYPE, "source", "/knag/bots")::get, data))
                .isInstanceOf(EventRejected.class).hasMessageContaining("id");
        assertThatThrownBy(() -> codec.fromAttributes(Map.of("id", UUID.randomUUID().toString(), "type",
                BotStopRequested.TYPE, "source", "/knag/bots", "time", "yesterday")::get, data)).isInstanceOf(EventRejected.class);
    }
}
