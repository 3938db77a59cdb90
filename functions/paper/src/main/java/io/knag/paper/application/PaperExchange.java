package io.knag.paper.application;

import io.knag.kernel.Transactions;
import io.knag.paper.domain.BalanceChange;
import io.knag.paper.domain.Decimals;
import io.knag.paper.domain.Decision;
import io.knag.paper.domain.Execution;
import io.knag.paper.domain.Fill;
import io.knag.paper.domain.Market;
import io.knag.paper.domain.Markets;
import io.knag.paper.domain.MatchingEngine;
import io.knag.paper.domain.Order;
import io.knag.paper.domain.OrderRequest;
import io.knag.paper.domain.OrderStatus;
import io.knag.paper.domain.OrderType;
import io.knag.paper.domain.PaperAccount;
import io.knag.paper.domain.Permission;
import io.knag.paper.domain.Rejection;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Trading on a paper account: place (filled at once or resting), cancel, and read orders, balances and fills.
 * Placing reads as: check the key may trade → let the engine decide at the current price → record the order, its
 * fill and its balance changes in one statement (refused whole if a balance would go negative) → put a resting
 * order on the book, or announce the fill, after the commit. Each placed order is logged at DEBUG: at hundreds of
 * orders a second its fills are in the database and its events, not the log.
 */
public final class PaperExchange {

    private static final Logger log = LoggerFactory.getLogger(PaperExchange.class);

    private final PaperStore store;
    private final Transactions transactions;
    private final MatchingEngine engine;
    private final Markets markets;
    private final MarketData marketData;
    private final FillAnnouncer announcer;
    private final Clock clock;

    public PaperExchange(PaperStore store, Transactions transactions, MatchingEngine engine, Markets markets,
                         MarketData marketData, FillAnnouncer announcer, Clock clock) {
        this.store = store;
        this.transactions = transactions;
        this.engine = engine;
        this.markets = markets;
        this.marketData = marketData;
        this.announcer = announcer;
        this.clock = clock;
    }

    public Mono<Placed> place(PaperAccount account, OrderRequest request) {
        return Mono.fromCallable(() -> decide(account, request))
                .flatMap(decided -> record(account, request, decided));
    }

    public Mono<Order> cancel(PaperAccount account, OrderLookup lookup) {
        Market market = markets.find(lookup.symbol());
        return find(account, lookup)
                .filter(order -> order.status().open())
                .switchIfEmpty(Mono.error(() -> Rejection.CANCEL_REJECTED.because("Unknown order sent.")))
                .flatMap(order -> transactions.inTransaction(() -> store.close(order.id(), OrderStatus.CANCELED, null, now())
                        .flatMap(closed -> closed ? store.apply(account.id(), order.resting().reserve(market).reversed())
                                : Mono.error(Rejection.CANCEL_REJECTED.because("Unknown order sent.")))
                        .thenReturn(order)))
                .map(order -> {
                    engine.withdraw(order.symbol(), order.id());
                    log.info("paper order {} of account {} cancelled", order.id(), account.id());
                    return cancelled(order);
                });
    }

    public Mono<Order> order(PaperAccount account, OrderLookup lookup) {
        markets.find(lookup.symbol());
        return find(account, lookup).switchIfEmpty(Mono.error(() -> Rejection.NO_SUCH_ORDER.because("Order does not exist.")));
    }

    public Mono<List<Order>> openOrders(PaperAccount account, String symbol) {
        if (symbol != null) {
            markets.find(symbol);
        }
        return store.openOrders(account.id(), symbol).collectList();
    }

    public Mono<List<Fill>> fills(PaperAccount account, String symbol, PaperStore.FillQuery query) {
        markets.find(symbol);
        return store.fills(account.id(), symbol, query).collectList();
    }

    /** A fill of one of {@code owner}'s paper accounts, by its trade id: what the platform knows a bot traded. */
    public Mono<Fill> fillOf(UUID owner, long tradeId) {
        return store.fillOf(owner, tradeId);
    }

    public Mono<AccountState> state(PaperAccount account) {
        return store.balances(account.id()).collectList().map(balances -> new AccountState(account, balances, now()));
    }

    private Decided decide(PaperAccount account, OrderRequest request) {
        if (!account.may(Permission.TRADE)) {
            throw Rejection.REJECTED_API_KEY.because("Invalid API-key, IP, or permissions for action.");
        }
        Market market = markets.find(request.symbol());
        Instant now = now();
        Decision decision = engine.submit(market, request, marketData.price(market, now));
        String clientId = request.clientOrderId() != null ? request.clientOrderId() : ClientOrderIds.next();
        BigDecimal price = request.type() == OrderType.LIMIT ? request.price() : BigDecimal.ZERO;
        Order order;
        if (decision instanceof Decision.Fills fills) {
            order = new Order(0, account.id(), market.symbol(), request.side(), request.type(), OrderStatus.FILLED, price,
                    fills.execution().quantity(), fills.execution().quantity(), fills.execution().quoteQuantity(), clientId,
                    now, now);
        } else {
            order = new Order(0, account.id(), market.symbol(), request.side(), request.type(), OrderStatus.NEW, price,
                    request.quantity(), Decimals.of(BigDecimal.ZERO), Decimals.of(BigDecimal.ZERO), clientId, now, now);
        }
        return new Decided(order, decision, now);
    }

    private Mono<Placed> record(PaperAccount account, OrderRequest request, Decided decided) {
        Execution fill = decided.decision() instanceof Decision.Fills fills ? fills.execution() : null;
        return store.place(decided.order(), fill, decided.decision().changes())
                .onErrorMap(PaperStore.InsufficientBalance.class, refused -> Rejection.NEW_ORDER_REJECTED.because(
                        "Account has insufficient balance for requested action."))
                .flatMap(placed -> afterCommit(account, placed))
                .switchIfEmpty(Mono.defer(() -> repeated(account, request, decided.order())));
    }

    /** The same client order id again: the first order, if this is the same request; refused otherwise. */
    private Mono<Placed> repeated(PaperAccount account, OrderRequest request, Order attempted) {
        return store.orderByClientId(account.id(), attempted.symbol(), attempted.clientOrderId())
                .filter(request::sameAs)
                .switchIfEmpty(Mono.error(() -> Rejection.NEW_ORDER_REJECTED.because("Duplicate order sent.")))
                .flatMap(existing -> store.fills(account.id(), existing.symbol(),
                                new PaperStore.FillQuery(null, existing.id(), null, null, 1)).next()
                        .map(fill -> new Placed(existing, Optional.of(fill)))
                        .defaultIfEmpty(new Placed(existing, Optional.empty())));
    }

    private Mono<Placed> afterCommit(PaperAccount account, Placed placed) {
        Order order = placed.order();
        if (placed.fill().isEmpty()) {
            if (order.status().open()) {
                engine.rest(order.resting());
            }
            log.debug("paper order {} of account {} placed, resting", order.id(), account.id());
            return Mono.just(placed);
        }
        log.debug("paper order {} of account {} filled", order.id(), account.id());
        return announcer.announce(account, order, placed.fill().get()).thenReturn(placed);
    }

    private Mono<Order> find(PaperAccount account, OrderLookup lookup) {
        return lookup.orderId() != null ? store.orderById(account.id(), lookup.symbol(), lookup.orderId())
                .filter(order -> lookup.clientOrderId() == null || lookup.clientOrderId().equals(order.clientOrderId()))
                : store.orderByClientId(account.id(), lookup.symbol(), lookup.clientOrderId());
    }

    private Order cancelled(Order order) {
        return new Order(order.id(), order.accountId(), order.symbol(), order.side(), order.type(), OrderStatus.CANCELED,
                order.price(), order.origQty(), order.executedQty(), order.cumulativeQuoteQty(), order.clientOrderId(),
                order.time(), now());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private record Decided(Order order, Decision decision, Instant at) {
    }

    /** What the account endpoint shows: the account, its balances, at a time. */
    public record AccountState(PaperAccount account, List<io.knag.paper.domain.Balance> balances, Instant at) {
    }
}
