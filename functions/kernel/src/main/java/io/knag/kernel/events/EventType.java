package io.knag.kernel.events;

import java.util.Objects;
import java.util.Set;

/**
 * An event type a capability produces or consumes: the {@code sources} that may send it (a consumer refuses the
 * type from any other) and the record its {@code data} is, which a transport needs to turn a CloudEvent's JSON
 * data back into that record. Each capability declares its own.
 */
public record EventType(String type, Set<String> sources, Class<?> dataClass) {

    public EventType {
        Objects.requireNonNull(type, "type");
        sources = Set.copyOf(sources);
        Objects.requireNonNull(dataClass, "dataClass");
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("an event type needs the sources that may send it");
        }
    }

    /** A type that one source sends. */
    public EventType(String type, String source, Class<?> dataClass) {
        this(type, Set.of(source), dataClass);
    }
}
