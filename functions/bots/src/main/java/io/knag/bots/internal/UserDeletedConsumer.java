package io.knag.bots.internal;

import io.knag.bots.application.Bots;
import io.knag.identity.UserDeleted;
import io.knag.kernel.UserId;
import io.knag.kernel.events.Event;
import io.knag.kernel.events.EventConsumer;
import reactor.core.publisher.Mono;

/** {@code io.knag.user.deleted}: the user's bots are stopped and deleted (idempotent: redelivery is harmless). */
final class UserDeletedConsumer implements EventConsumer {

    private final Bots bots;

    UserDeletedConsumer(Bots bots) {
        this.bots = bots;
    }

    @Override
    public boolean accepts(String type) {
        return UserDeleted.TYPE.equals(type);
    }

    @Override
    public Mono<Void> consume(Event event) {
        return event.data() instanceof UserDeleted deleted ? bots.eraseAll(new UserId(deleted.userId())) : Mono.empty();
    }
}
