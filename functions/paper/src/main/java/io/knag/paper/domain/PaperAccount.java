package io.knag.paper.domain;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * A paper account: its owner (a platform user), a label, its API key (an identifier, shown in lists) and its API
 * secret sealed at rest (opened only to check a request's signature), and what the key may do.
 */
public record PaperAccount(UUID id, UUID owner, String label, String apiKey, byte[] sealedSecret,
                           Set<Permission> permissions, Instant createdAt) {

    public PaperAccount {
        permissions = Set.copyOf(permissions);
    }

    public boolean may(Permission permission) {
        return permissions.contains(permission);
    }

    @Override
    public String toString() {
        return "PaperAccount[id=" + id + ", owner=" + owner + ", permissions=" + permissions + "]";
    }
}
