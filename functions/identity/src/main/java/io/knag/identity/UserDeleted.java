package io.knag.identity;

import java.time.Instant;
import java.util.UUID;

/** Data of {@code io.knag.user.deleted}: the vault and the bots erase what the user owned. */
public record UserDeleted(UUID userId, Instant deletedAt) {

    public static final String TYPE = "io.knag.user.deleted";
    public static final String SOURCE = "/knag/identity";
}
