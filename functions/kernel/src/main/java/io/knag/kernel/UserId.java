package io.knag.kernel;

import java.util.Objects;
import java.util.UUID;

/** The id of a person's account; the {@code sub} of their access tokens. */
public record UserId(UUID value) {

    public UserId {
        Objects.requireNonNull(value, "value");
    }

    public static UserId of(String text) {
        return new UserId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
