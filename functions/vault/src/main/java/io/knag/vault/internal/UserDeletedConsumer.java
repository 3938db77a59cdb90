package io.knag.vault.internal;

import io.knag.identity.UserDeleted;
import io.knag.kernel.UserId;
import io.knag.kernel.events.Event;
import io.knag.kernel.events.EventConsumer;
import io.knag.vault.application.Credentials;
import reactor.core.publisher.Mono;

/** {@code io.knag.user.deleted}: the vault of a deleted account is erased (idempotent, so redelivery is harmless). */
final class UserDeletedConsumer implements EventConsumer {

    private final Credentials credentials;

    UserDeletedConsumer(Credentials credentials) {
        this.credentials = credentials;
    }

    @Override
    public boolean accepts(String type) {
        return UserDeleted.TYPE.equals(type);
    }

    @Override
    public Mono<Void> consume(Event event) {
        return event.data() instanceof UserDeleted deleted ? credentials.erase(new UserId(deleted.userId())) : Mono.empty();
    }
}
