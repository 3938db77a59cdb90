package io.knag.vault;

import java.util.List;

/** A broker a credential can be for, and the secret fields its API keys have. */
public record Broker(String id, String name, List<Field> fields) {

    public record Field(String name, boolean required) {
    }
}
