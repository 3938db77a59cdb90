package io.knag.cloudevents;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.rw.CloudEventRWException;
import io.cloudevents.http.HttpMessageFactory;
import io.knag.kernel.events.Event;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The CloudEvents HTTP binding: reads binary mode ({@code ce-*} headers, the data as the body) and structured
 * mode ({@code application/cloudevents+json}); writes binary mode, as Knative brokers expect. With
 * {@link EventSignatures} it signs what it writes and refuses ({@link EventNotSigned}) what it reads unless its
 * signature verifies; without, it does neither (a host that delivers in-process has no HTTP sink at all).
 */
public final class HttpBinding {

    /** A request to send: its headers and body. */
    public record Message(Map<String, String> headers, byte[] body) {
    }

    private final EventCodec codec;
    private final EventSignatures signatures;

    public HttpBinding(EventCodec codec) {
        this(codec, null);
    }

    public HttpBinding(EventCodec codec, EventSignatures signatures) {
        this.codec = codec;
        this.signatures = signatures;
    }

    public boolean signs() {
        return signatures != null;
    }

    public Event read(Map<String, List<String>> headers, byte[] body) {
        CloudEvent event;
        try {
            event = HttpMessageFactory.createReaderFromMultimap(headers, body).toEvent();
        } catch (CloudEventRWException | IllegalArgumentException | IllegalStateException e) {
            throw new EventRejected("not a CloudEvents 1.0 HTTP message with id, source, type and specversion");
        }
        if (signatures != null && !signatures.verifies(event)) {
            throw new EventNotSigned("event " + event.getId() + " has no valid " + EventSignatures.EXTENSION);
        }
        return codec.fromCloudEvent(event);
    }

    public Message write(Event event) {
        Map<String, String> headers = new LinkedHashMap<>();
        byte[][] body = new byte[1][];
        CloudEvent cloudEvent = codec.toCloudEvent(event);
        if (signatures != null) {
            cloudEvent = CloudEventBuilder.from(cloudEvent).withExtension(EventSignatures.EXTENSION,
                    signatures.sign(cloudEvent)).build();
        }
        HttpMessageFactory.createWriter(headers::put, bytes -> body[0] = bytes).writeBinary(cloudEvent);
        return new Message(headers, body[0] == null ? new byte[0] : body[0]);
    }
}
