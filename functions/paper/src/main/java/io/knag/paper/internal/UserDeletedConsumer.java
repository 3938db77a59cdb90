package io.knag.paper.internal;

import io.knag.identity.UserDeleted;
import io.knag.kernel.UserId;
import io.knag.kernel.events.Event;
import io.knag.kernel.events.EventConsumer;
import io.knag.paper.application.PaperAccounts;
import reactor.core.publisher.Mono;

/** {@code io.knag.user.deleted}: a deleted user's paper accounts go, with their orders and fills (idempotent). */
final class UserDeletedConsumer implements EventConsumer {

    private final PaperAccounts accounts;

    UserDeletedConsumer(PaperAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public boolean accepts(String type) {
        return UserDeleted.TYPE.equals(type);
    }

    @Override
    public Mono<Void> consume(Event event) {
        return event.data() instanceof UserDeleted deleted ? accounts.erase(new UserId(deleted.userId())) : Mono.empty();
    }
}
