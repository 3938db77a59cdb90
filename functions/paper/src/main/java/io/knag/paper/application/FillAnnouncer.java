package io.knag.paper.application;

import io.knag.kernel.Ids;
import io.knag.kernel.events.Event;
import io.knag.kernel.events.EventPublisher;
import io.knag.paper.domain.Decimals;
import io.knag.paper.domain.Fill;
import io.knag.paper.domain.Order;
import io.knag.paper.domain.PaperAccount;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Announces a recorded fill as {@link PaperTradeFilled}. The fill is already committed, and the exchange's own
 * record stays the truth: a failed delivery is logged, never undone.
 */
public final class FillAnnouncer {

    private static final Logger log = LoggerFactory.getLogger(FillAnnouncer.class);

    private final EventPublisher publisher;
    private final Clock clock;

    public FillAnnouncer(EventPublisher publisher, Clock clock) {
        this.publisher = publisher;
        this.clock = clock;
    }

    public Mono<Void> announce(PaperAccount account, Order order, Fill fill) {
        var data = new PaperTradeFilled(account.id(), account.owner(), fill.id(), order.id(), order.clientOrderId(),
                fill.symbol(), fill.side().name(), Decimals.text(fill.price()), Decimals.text(fill.quantity()),
                Decimals.text(fill.quoteQuantity()), Decimals.text(fill.commission()), fill.commissionAsset(), fill.maker(),
                fill.time());
        Event event = new Event(Ids.newId(clock), PaperTradeFilled.TYPE.type(), PaperTradeFilled.SOURCE,
                account.id().toString(), fill.time(), data);
        return publisher.publish(event).onErrorResume(e -> {
            log.error("fill {} of paper account {} recorded, but its event {} was not delivered: {}", fill.id(),
                    account.id(), event.id(), e.getClass().getSimpleName());
            return Mono.empty();
        });
    }
}
