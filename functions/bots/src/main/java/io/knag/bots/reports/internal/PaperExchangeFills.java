package io.knag.bots.reports.internal;

import io.knag.bots.reports.application.ExchangeFills;
import io.knag.bots.reports.domain.Trade;
import io.knag.paper.application.PaperExchange;
import io.knag.paper.domain.Decimals;
import java.util.UUID;
import reactor.core.publisher.Mono;

/** The paper exchange of this platform, as the exchange that says which trades a paper bot made. */
final class PaperExchangeFills implements ExchangeFills {

    private final PaperExchange exchange;

    PaperExchangeFills(PaperExchange exchange) {
        this.exchange = exchange;
    }

    @Override
    public boolean checks(String broker) {
        return "paper".equals(broker);
    }

    @Override
    public Mono<Trade> find(UUID owner, String broker, String tradeId) {
        long id;
        try {
            id = Long.parseLong(tradeId);
        } catch (NumberFormatException e) {
            return Mono.empty();
        }
        return exchange.fillOf(owner, id).map(fill -> new Trade(Long.toString(fill.id()), Long.toString(fill.orderId()),
                fill.symbol(), fill.side().name(), Decimals.of(fill.price()), Decimals.of(fill.quantity()),
                Decimals.of(fill.quoteQuantity()), Decimals.of(fill.commission()), fill.commissionAsset(), fill.time(),
                Trade.EXCHANGE));
    }
}
