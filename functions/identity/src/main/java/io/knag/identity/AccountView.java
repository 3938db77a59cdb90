package io.knag.identity;

import io.knag.identity.domain.Account;
import java.time.Instant;
import java.util.UUID;

/** An account as its owner sees it. */
public record AccountView(UUID id, String email, String displayName, Instant createdAt) {

    public static AccountView of(Account account) {
        return new AccountView(account.id().value(), account.email(), account.displayName(), account.createdAt());
    }
}
