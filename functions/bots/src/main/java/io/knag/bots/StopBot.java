package io.knag.bots;

import java.util.Objects;
import java.util.UUID;

/** Stops a starting or running bot. A type of its own, so that the stop function is injected by type. */
public record StopBot(UUID id) {

    public StopBot {
        Objects.requireNonNull(id, "id");
    }
}
