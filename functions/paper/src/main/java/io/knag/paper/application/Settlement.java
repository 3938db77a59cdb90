package io.knag.paper.application;

import io.knag.kernel.Transactions;
import io.knag.paper.domain.Candle;
import io.knag.paper.domain.Execution;
import io.knag.paper.domain.Fill;
import io.knag.paper.domain.Market;
import io.knag.paper.domain.Markets;
import io.knag.paper.domain.MatchingEngine;
import io.knag.paper.domain.Order;
import io.knag.paper.domain.OrderStatus;
import io.knag.paper.domain.RestingOrder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Fills resting limit orders when the market reaches them. A sweep takes each market's range since the last
 * sweep (after a start: since the oldest open order, at most a day back), lets the engine pick the orders it
 * crossed, and records each fill in its own transaction: the order moves from NEW to FILLED only once, so a fill
 * happens exactly once even if a cancel or another sweep races it. Fills are announced after their commit.
 */
public final class Settlement {

    private static final Logger log = LoggerFactory.getLogger(Settlement.class);
    private static final Duration LONGEST_CATCH_UP = Duration.ofDays(1);

    private final PaperStore store;
    private final Transactions transactions;
    private final MatchingEngine engine;
    private final Markets markets;
    private final MarketData marketData;
    private final FillAnnouncer announcer;
    private final Clock clock;
    private final Map<String, Instant> swept = new ConcurrentHashMap<>();

    public Settlement(PaperStore store, Transactions transactions, MatchingEngine engine, Markets markets,
                      MarketData marketData, FillAnnouncer announcer, Clock clock) {
        this.store = store;
        this.transactions = transactions;
        this.engine = engine;
        this.markets = markets;
        this.marketData = marketData;
        this.announcer = announcer;
        this.clock = clock;
    }

    /** Puts every open order back on the book, as after a restart; returns how many. */
    public Mono<Long> load() {
        Instant earliest = now().minus(LONGEST_CATCH_UP);
        return store.allOpenOrders()
                .doOnNext(order -> {
                    engine.rest(order.resting());
                    Instant since = order.time().isBefore(earliest) ? earliest : order.time().truncatedTo(ChronoUnit.SECONDS);
                    swept.merge(order.symbol(), since, (a, b) -> a.isBefore(b) ? a : b);
                })
                .count()
                .doOnNext(count -> log.info("paper exchange: {} open orders back on the book", count));
    }

    /** One sweep of every market up to now; returns how many orders filled. */
    public Mono<Long> sweep() {
        return Mono.defer(() -> {
            Instant now = now();
            return Flux.fromIterable(markets.all()).concatMap(market -> sweep(market, now)).reduce(0L, Long::sum);
        });
    }

    private Mono<Long> sweep(Market market, Instant now) {
        Instant from = swept.getOrDefault(market.symbol(), now.minusSeconds(1));
        if (!from.isBefore(now)) {
            return Mono.just(0L);
        }
        Candle range = marketData.range(market, from, now);
        swept.put(market.symbol(), now);
        return Flux.fromIterable(engine.crossed(market.symbol(), range.low(), range.high()))
                .concatMap(order -> fill(market, order))
                .count();
    }

    private Mono<Order> fill(Market market, RestingOrder resting) {
        Execution execution = engine.fillResting(market, resting);
        Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return transactions.inTransaction(() -> store.close(resting.orderId(), OrderStatus.FILLED, execution, at)
                        .filter(Boolean::booleanValue)
                        .flatMap(closed -> Flux.fromIterable(execution.changes())
                                .sort(java.util.Comparator.comparing(io.knag.paper.domain.BalanceChange::asset))
                                .concatMap(change -> store.apply(resting.accountId(), change))
                                .all(Boolean::booleanValue))
                        .flatMap(applied -> applied ? store.orderById(resting.accountId(), resting.symbol(), resting.orderId())
                                : Mono.error(new IllegalStateException("locked funds of order " + resting.orderId() + " are gone")))
                        .flatMap(order -> store.insertFill(order, execution, at).map(fill -> new Filled(order, fill))))
                .flatMap(filled -> store.accountById(resting.accountId())
                        .flatMap(account -> announcer.announce(account, filled.order(), filled.fill()))
                        .thenReturn(filled.order()))
                .doOnNext(order -> log.info("paper order {} of account {} filled at its limit", order.id(), order.accountId()))
                .onErrorResume(e -> {
                    log.error("paper order {} could not be filled ({}); it stays on the book", resting.orderId(),
                            e.getClass().getSimpleName());
                    engine.rest(resting);
                    return Mono.empty();
                });
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    private record Filled(Order order, Fill fill) {
    }
}
