package io.knag.cloudevents;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.format.EventDeserializationException;
import io.cloudevents.jackson.JsonFormat;
import io.knag.kernel.events.Event;
import io.knag.kernel.events.EventType;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The platform's {@link Event}s as CloudEvents 1.0 and back: {@code id} a UUID, {@code source}
 * {@code /knag/<function>}, {@code subject} the bot or user id, data JSON of the type's record. Only the
 * types this application declared ({@link EventType} beans) are read, and only from the sources declared for
 * them; anything else is {@link EventRejected}.
 */
public final class EventCodec {

    public static final String JSON = "application/json";

    private final ObjectMapper json;
    private final Map<String, EventType> types;
    private final JsonFormat structured = new JsonFormat();

    public EventCodec(List<EventType> types) {
        this.json = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        this.types = types.stream().collect(Collectors.toUnmodifiableMap(EventType::type, type -> type, (a, b) -> a));
    }

    public boolean knows(String type) {
        return types.containsKey(type);
    }

    public CloudEvent toCloudEvent(Event event) {
        CloudEventBuilder builder = CloudEventBuilder.v1()
                .withId(event.id().toString())
                .withType(event.type())
                .withSource(URI.create(event.source()))
                .withTime(event.time().atOffset(ZoneOffset.UTC))
                .withDataContentType(JSON)
                .withData(data(event.data()));
        return event.subject() == null ? builder.build() : builder.withSubject(event.subject()).build();
    }

    public Event fromCloudEvent(CloudEvent event) {
        EventType declared = types.get(event.getType());
        if (declared == null) {
            throw new EventRejected("unknown event type " + printable(event.getType()));
        }
        if (!declared.sources().contains(event.getSource().toString())) {
            throw new EventRejected(event.getType() + " events come only from " + String.join(" or ",
                    new java.util.TreeSet<>(declared.sources())) + ", not from " + printable(event.getSource().toString()));
        }
        Class<?> dataClass = declared.dataClass();
        UUID id;
        try {
            id = UUID.fromString(event.getId());
        } catch (IllegalArgumentException e) {
            throw new EventRejected("the id of a " + event.getType() + " event must be a UUID");
        }
        if (event.getDataContentType() != null && !event.getDataContentType().startsWith(JSON)) {
            throw new EventRejected("the data of " + id + " must be " + JSON);
        }
        if (event.getData() == null) {
            throw new EventRejected("event " + id + " has no data");
        }
        Object data;
        try {
            data = json.readValue(event.getData().toBytes(), dataClass);
        } catch (IOException | RuntimeException e) {
            throw new EventRejected("the data of event " + id + " is not a valid " + event.getType());
        }
        Instant time = event.getTime() == null ? Instant.now() : event.getTime().toInstant();
        return new Event(id, event.getType(), event.getSource().toString(), event.getSubject(), time, data);
    }

    /** The structured JSON form ({@code application/cloudevents+json}). */
    public byte[] toJson(Event event) {
        return structured.serialize(toCloudEvent(event));
    }

    public Event fromJson(byte[] bytes) {
        CloudEvent event;
        try {
            event = structured.deserialize(bytes);
        } catch (EventDeserializationException | IllegalArgumentException | IllegalStateException e) {
            throw new EventRejected("not a CloudEvents 1.0 JSON event with id, source, type and specversion");
        }
        return fromCloudEvent(event);
    }

    /** Reads one attribute set and the data from any mapping a platform gives (EventBridge, Event Grid). */
    public Event fromAttributes(Function<String, String> attribute, byte[] data) {
        try {
            CloudEventBuilder builder = CloudEventBuilder.v1()
                    .withId(required(attribute, "id"))
                    .withType(required(attribute, "type"))
                    .withSource(URI.create(required(attribute, "source")))
                    .withDataContentType(JSON)
                    .withData(data);
            String subject = attribute.apply("subject");
            String time = attribute.apply("time");
            if (subject != null) {
                builder.withSubject(subject);
            }
            if (time != null) {
                builder.withTime(java.time.OffsetDateTime.parse(time));
            }
            return fromCloudEvent(builder.build());
        } catch (IllegalArgumentException | java.time.format.DateTimeParseException e) {
            throw new EventRejected("an attribute is malformed (source must be a URI reference, time RFC 3339)");
        }
    }

    public byte[] data(Object data) {
        try {
            return json.writeValueAsBytes(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event data of " + data.getClass().getSimpleName() + " is not JSON", e);
        }
    }

    private static String required(Function<String, String> attribute, String name) {
        String value = attribute.apply(name);
        if (value == null || value.isBlank()) {
            throw new EventRejected("the required attribute " + name + " is missing");
        }
        return value;
    }

    private static String printable(String type) {
        return type == null ? "(none)" : type.length() > 100 ? type.substring(0, 100) + "…" : type.replaceAll("[^\\x20-\\x7e]", "?");
    }
}
