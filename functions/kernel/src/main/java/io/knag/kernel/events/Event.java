package io.knag.kernel.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A CloudEvents 1.0 envelope, independent of any transport: {@code source} is {@code /knag/<function>},
 * {@code subject} the bot or user id, {@code type} reverse-DNS (see docs/events). {@code data} is a
 * record that never holds a plaintext secret.
 */
public record Event(UUID id, String type, String source, String subject, Instant time, Object data) {

    public Event {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(data, "data");
    }
}
