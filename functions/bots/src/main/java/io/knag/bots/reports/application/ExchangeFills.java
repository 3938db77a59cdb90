package io.knag.bots.reports.application;

import io.knag.bots.reports.domain.Trade;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * The exchanges whose fills the platform can see itself (the paper exchange): a trade a bot reports there is
 * recorded only as the exchange recorded it, and only if it is the owner's.
 */
public interface ExchangeFills {

    /** Whether trades on {@code broker} are checked here. */
    boolean checks(String broker);

    /** The exchange's record of {@code tradeId} on one of {@code owner}'s accounts; empty when there is none. */
    Mono<Trade> find(UUID owner, String broker, String tradeId);

    ExchangeFills NONE = new ExchangeFills() {
        @Override
        public boolean checks(String broker) {
            return false;
        }

        @Override
        public Mono<Trade> find(UUID owner, String broker, String tradeId) {
            return Mono.empty();
        }
    };
}
