package io.knag.paper.application;

import io.knag.paper.domain.Balance;
import io.knag.paper.domain.BalanceChange;
import io.knag.paper.domain.Execution;
import io.knag.paper.domain.Fill;
import io.knag.paper.domain.Order;
import io.knag.paper.domain.OrderStatus;
import io.knag.paper.domain.PaperAccount;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Where paper accounts, balances, orders and fills are kept. Writes that belong together run in one transaction. */
public interface PaperStore {

    Mono<Void> insertAccount(PaperAccount account, List<Balance> balances);

    Mono<PaperAccount> accountByApiKey(String apiKey);

    Mono<PaperAccount> account(UUID owner, UUID id);

    Mono<PaperAccount> accountById(UUID id);

    Flux<PaperAccount> accounts(UUID owner);

    Mono<Long> countAccounts(UUID owner);

    /** Deletes the account with its balances, orders and fills; false when the owner has no such account. */
    Mono<Boolean> deleteAccount(UUID owner, UUID id);

    Mono<Void> deleteAccounts(UUID owner);

    Flux<Balance> balances(UUID accountId);

    /**
     * Applies a change to one balance of an account; false, changing nothing, when the free or locked amount would
     * fall below zero.
     */
    Mono<Boolean> apply(UUID accountId, BalanceChange change);

    /**
     * Records a new order with its fill, if it filled at once, and moves the account's balances, in one statement:
     * all of it or nothing. Empty when the account already has an order with its client id; an
     * {@link InsufficientBalance} error, changing nothing, when a balance would fall below zero.
     */
    Mono<Placed> place(Order order, Execution fill, List<BalanceChange> changes);

    Mono<Order> orderById(UUID accountId, String symbol, long orderId);

    Mono<Order> orderByClientId(UUID accountId, String symbol, String clientOrderId);

    /** Moves an open order to {@code status}; false when it was no longer open (filled or cancelled meanwhile). */
    Mono<Boolean> close(long orderId, OrderStatus status, Execution execution, Instant at);

    Mono<Fill> insertFill(Order order, Execution execution, Instant at);

    /** A fill by its trade id, if it is of one of {@code owner}'s accounts. */
    Mono<Fill> fillOf(UUID owner, long tradeId);

    Flux<Order> openOrders(UUID accountId, String symbol);

    /** Every open order of every account: the book a starting exchange rebuilds. */
    Flux<Order> allOpenOrders();

    /** An account's fills in one market, oldest first, from the given trade id or time. */
    Flux<Fill> fills(UUID accountId, String symbol, FillQuery query);

    /** A change would have left a balance below zero; nothing was written. */
    final class InsufficientBalance extends RuntimeException {

        public InsufficientBalance() {
            super("a balance would fall below zero", null, false, false);
        }
    }

    record FillQuery(Long fromId, Long orderId, Instant start, Instant end, int limit) {
    }
}
