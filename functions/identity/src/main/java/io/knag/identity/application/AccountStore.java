package io.knag.identity.application;

import io.knag.identity.domain.Account;
import io.knag.kernel.UserId;
import reactor.core.publisher.Mono;

/** Where accounts are kept. Emails are stored normalised and are unique. */
public interface AccountStore {

    /** Inserts {@code account}; fails with {@code email-taken} when the email is in use. */
    Mono<Account> insert(Account account);

    Mono<Account> findById(UserId id);

    Mono<Account> findByEmail(String email);

    /** As {@link #findById}, and locks the row until the surrounding transaction ends. */
    Mono<Account> findByIdForUpdate(UserId id);

    /** As {@link #findByEmail}, and locks the row until the surrounding transaction ends. */
    Mono<Account> findByEmailForUpdate(String email);

    Mono<Account> updateDisplayName(UserId id, String displayName);

    Mono<Void> updatePasswordHash(UserId id, String passwordHash);

    Mono<Void> updateSecrets(UserId id, String passwordHash, String recoveryHash);

    /** Deletes the account and everything that hangs off it; emits true when it existed. */
    Mono<Boolean> delete(UserId id);
}
