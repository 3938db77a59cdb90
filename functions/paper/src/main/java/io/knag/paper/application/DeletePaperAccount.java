package io.knag.paper.application;

import java.util.Objects;
import java.util.UUID;

/** Deletes a paper account with its orders and balances. A type of its own, so that its function is injected by type. */
public record DeletePaperAccount(UUID id) {

    public DeletePaperAccount {
        Objects.requireNonNull(id, "id");
    }
}
