package io.knag.vault.application;

import io.knag.kernel.UserId;
import io.knag.vault.domain.StoredCredential;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Where credentials are kept; every lookup is by owner, so one user never reaches another's rows. */
public interface CredentialStore {

    Mono<Void> insert(StoredCredential credential);

    Flux<StoredCredential> list(UserId owner);

    Mono<Long> count(UserId owner);

    Mono<StoredCredential> find(UserId owner, UUID id);

    Mono<Void> updateSecrets(StoredCredential credential);

    /** Emits true when the credential existed. */
    Mono<Boolean> delete(UserId owner, UUID id);

    Mono<Void> deleteAll(UserId owner);
}
