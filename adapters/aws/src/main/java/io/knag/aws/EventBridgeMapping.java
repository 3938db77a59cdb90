package io.knag.aws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.knag.cloudevents.EventCodec;
import io.knag.cloudevents.EventRejected;
import io.knag.kernel.events.Event;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The platform's CloudEvents on EventBridge. Out: {@code source} the CloudEvent's source, {@code detail-type}
 * its type, {@code detail} the whole structured CloudEvent (so its own id, subject and time travel intact:
 * EventBridge makes its own envelope id). In: the same, checked, and {@code detail-type} must agree with the
 * CloudEvent's type.
 */
final class EventBridgeMapping {

    private final EventCodec codec;
    private final ObjectMapper json = new ObjectMapper();

    EventBridgeMapping(EventCodec codec) {
        this.codec = codec;
    }

    /** The {@code Detail} of a PutEvents entry. */
    String detail(Event event) {
        return new String(codec.toJson(event), StandardCharsets.UTF_8);
    }

    Event read(Map<String, Object> eventBridgeEvent) {
        if (eventBridgeEvent == null || !(eventBridgeEvent.get("detail") instanceof Map<?, ?> detail)
                || !(eventBridgeEvent.get("detail-type") instanceof String detailType)) {
            throw new EventRejected("not an EventBridge event with detail-type and a CloudEvent as detail");
        }
        Event event;
        try {
            event = codec.fromJson(json.writeValueAsBytes(detail));
        } catch (JsonProcessingException e) {
            throw new EventRejected("the detail is not JSON");
        }
        if (!detailType.equals(event.type())) {
            throw new EventRejected("detail-type does not match the CloudEvent's type");
        }
        return event;
    }
}
