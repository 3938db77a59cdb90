package io.knag.kernel.events;

import java.util.Objects;

/**
 * An event type a capability produces or consumes, with the record its {@code data} is: what a transport
 * needs to turn a CloudEvent's JSON data back into that record. Each capability declares its own.
 */
public record EventType(String type, Class<?> dataClass) {

    public EventType {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(dataClass, "dataClass");
    }
}
