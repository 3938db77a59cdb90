package io.knag.paper.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.knag.paper.domain.Balance;
import io.knag.paper.domain.ExchangeRejected;
import io.knag.paper.domain.Order;
import io.knag.paper.domain.OrderRequest;
import io.knag.paper.domain.OrderStatus;
import io.knag.paper.domain.OrderType;
import io.knag.paper.domain.PaperAccount;
import io.knag.paper.domain.Side;
import io.knag.paper.internal.PaperFixture;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/** Placing, settling and cancelling on a real PostgreSQL: balances never go below zero, a fill happens once. */
class PaperExchangeTest {

    final PaperFixture paper = new PaperFixture();
    final PaperAccount account = paper.account(paper.newAccount(UUID.randomUUID(), Map.of("USDT", "1000")));

    @Test
    void concurrentOrdersSpendTheBalanceOnlyOnce() {
        AtomicInteger refused = new AtomicInteger();
        List<Placed> placed = Flux.range(0, 12)
                .flatMap(i -> paper.exchange.place(account, market(Side.BUY, "0.00400"))
                        .subscribeOn(Schedulers.parallel())
                        .onErrorResume(ExchangeRejected.class, e -> {
                            assertThat(e.getMessage()).contains("insufficient balance");
                            refused.incrementAndGet();
                            return Mono.empty();
                        }), 12)
                .collectList().block(Duration.ofSeconds(30));
        // 0.004 BTC at 50,025 (with slippage) costs 200.10 USDT: four fit in 1000, the fifth does not.
        assertThat(placed).hasSize(4);
        assertThat(refused).hasValue(8);
        assertThat(balance("USDT").free()).isEqualByComparingTo(new BigDecimal("1000").subtract(new BigDecimal("800.40")));
        assertThat(balance("BTC").free()).isEqualByComparingTo("0.015984");
        assertThat(paper.published).hasSize(4);
    }

    @Test
    void buysAndSellsOfOneAccountAtOnceNeitherDeadlockNorLoseAnything() {
        PaperAccount both = paper.account(paper.newAccount(UUID.randomUUID(), Map.of("USDT", "100000", "BTC", "10")));
        List<Placed> placed = Flux.range(0, 40)
                .flatMap(i -> paper.exchange.place(both, market(i % 2 == 0 ? Side.BUY : Side.SELL, "0.01000"))
                        .subscribeOn(Schedulers.parallel()), 16)
                .collectList().block(Duration.ofSeconds(30));
        assertThat(placed).hasSize(40);
        BigDecimal spent = BigDecimal.ZERO;
        BigDecimal bought = BigDecimal.ZERO;
        for (Placed order : placed) {
            var fill = order.fill().orElseThrow();
            boolean buy = order.order().side() == Side.BUY;
            spent = spent.add(buy ? fill.quoteQuantity() : fill.quoteQuantity().subtract(fill.commission()).negate());
            bought = bought.add(buy ? fill.quantity().subtract(fill.commission()) : fill.quantity().negate());
        }
        Map<String, Balance> balances = paper.exchange.state(both).block().balances().stream()
                .collect(java.util.stream.Collectors.toMap(Balance::asset, b -> b));
        assertThat(balances.get("USDT").free()).isEqualByComparingTo(new BigDecimal("100000").subtract(spent));
        assertThat(balances.get("BTC").free()).isEqualByComparingTo(new BigDecimal("10").add(bought));
    }

    @Test
    void sellingAnAssetTheAccountNeverHeldIsRefusedAndWritesNothing() {
        StepVerifier.create(paper.exchange.place(account, market(Side.SELL, "0.00100")))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ExchangeRejected.class)
                        .hasMessageContaining("insufficient balance"))
                .verify(Duration.ofSeconds(10));
        assertThat(paper.database.query("SELECT count(*) FROM paper.orders WHERE account_id = ?", account.id()))
                .containsExactly(List.of("0"));
        assertThat(paper.exchange.state(account).block().balances()).extracting(Balance::asset).containsExactly("USDT");
        assertThat(paper.published).isEmpty();
    }

    @Test
    void aRestingOrderFillsOnceWhenTheMarketReachesIt() {
        Placed placed = paper.exchange.place(account, limit(Side.BUY, "0.01", "49000.00")).block();
        assertThat(placed.order().status()).isEqualTo(OrderStatus.NEW);
        assertThat(balance("USDT").locked()).isEqualByComparingTo("490");

        paper.market.ranges("49100.00", "50100.00");
        StepVerifier.create(paper.settlement.sweep()).expectNext(0L).verifyComplete();
        paper.market.ranges("48900.00", "50100.00");
        sweepUntil(1L);
        StepVerifier.create(paper.settlement.sweep()).expectNext(0L).verifyComplete();

        Order filled = paper.exchange.order(account, new OrderLookup("BTCUSDT", placed.order().id(), null)).block();
        assertThat(filled.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(filled.cumulativeQuoteQty()).isEqualByComparingTo("490");
        assertThat(balance("USDT").locked()).isZero();
        assertThat(balance("USDT").free()).isEqualByComparingTo("510");
        assertThat(balance("BTC").free()).isEqualByComparingTo("0.00999");
        assertThat(paper.database.query("SELECT count(*) FROM paper.fills WHERE order_id = ?", placed.order().id()))
                .containsExactly(List.of("1"));
        assertThat(paper.published).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo("io.knag.paper.trade.filled");
            assertThat(((PaperTradeFilled) event.data()).maker()).isTrue();
        });
    }

    @Test
    void aCancelledOrderIsNotFilledAndGivesItsFundsBack() {
        Placed placed = paper.exchange.place(account, limit(Side.BUY, "0.01", "49000.00")).block();
        paper.exchange.cancel(account, new OrderLookup("BTCUSDT", placed.order().id(), null)).block();
        paper.market.ranges("48000.00", "50100.00");
        sweepUntil(0L);
        assertThat(balance("USDT").free()).isEqualByComparingTo("1000");
        assertThat(balance("USDT").locked()).isZero();
        assertThat(paper.published).isEmpty();
    }

    @Test
    void aFillRacingACancelHappensAtMostOnceAndFundsAddUp() {
        for (int round = 0; round < 5; round++) {
            paper.market.at("50000.00");
            Placed placed = paper.exchange.place(account, limit(Side.BUY, "0.001", "49000.00")).block();
            paper.market.ranges("48000.00", "50100.00");
            Mono<String> cancel = paper.exchange.cancel(account, new OrderLookup("BTCUSDT", placed.order().id(), null))
                    .map(order -> "cancelled").onErrorReturn("too late").subscribeOn(Schedulers.parallel());
            Mono<String> sweep = paper.settlement.sweep().map(n -> "swept " + n).subscribeOn(Schedulers.parallel());
            Flux.merge(cancel, sweep).collectList().block(Duration.ofSeconds(10));
            Order order = paper.exchange.order(account, new OrderLookup("BTCUSDT", placed.order().id(), null)).block();
            assertThat(order.status()).isIn(OrderStatus.CANCELED, OrderStatus.FILLED, OrderStatus.NEW);
            if (order.status() == OrderStatus.NEW) {
                sweepUntil(1L);
            }
        }
        assertThat(balance("USDT").locked()).isZero();
        long fills = Long.parseLong(paper.database.query("SELECT count(*) FROM paper.fills").get(0).get(0));
        assertThat(balance("USDT").free()).isEqualByComparingTo(new BigDecimal("1000").subtract(new BigDecimal("49").multiply(BigDecimal.valueOf(fills))));
        assertThat(paper.published).hasSize((int) fills);
    }

    @Test
    void theSameClientOrderIdIsOneOrder() {
        OrderRequest order = new OrderRequest("BTCUSDT", Side.BUY, OrderType.MARKET, null, new BigDecimal("0.001"), null, null,
                "my-order-1");
        Placed first = paper.exchange.place(account, order).block();
        Placed again = paper.exchange.place(account, order).block();
        assertThat(again.order().id()).isEqualTo(first.order().id());
        assertThat(again.fill()).isEqualTo(first.fill());
        StepVerifier.create(paper.exchange.place(account, new OrderRequest("BTCUSDT", Side.SELL, OrderType.MARKET, null,
                        new BigDecimal("0.001"), null, null, "my-order-1")))
                .expectErrorSatisfies(e -> assertThat(e).hasMessage("Duplicate order sent.")).verify();
        assertThat(paper.published).hasSize(1);
    }

    @Test
    void ordersOfAnotherAccountAreUnknown() {
        PaperAccount other = paper.account(paper.newAccount(UUID.randomUUID(), Map.of("USDT", "1000")));
        Placed placed = paper.exchange.place(account, limit(Side.BUY, "0.01", "49000.00")).block();
        StepVerifier.create(paper.exchange.order(other, new OrderLookup("BTCUSDT", placed.order().id(), null)))
                .expectErrorSatisfies(e -> assertThat(e).hasMessage("Order does not exist.")).verify();
        StepVerifier.create(paper.exchange.cancel(other, new OrderLookup("BTCUSDT", placed.order().id(), null)))
                .expectErrorSatisfies(e -> assertThat(e).hasMessage("Unknown order sent.")).verify();
        assertThat(paper.exchange.openOrders(other, null).block()).isEmpty();
    }

    @Test
    void aRestartedExchangePutsOpenOrdersBackOnTheBookAndFillsThem() {
        Placed placed = paper.exchange.place(account, limit(Side.BUY, "0.01", "49000.00")).block();
        Settlement restarted = paper.restartedSettlement();
        StepVerifier.create(restarted.load()).expectNext(1L).verifyComplete();
        paper.market.ranges("48000.00", "50100.00");
        sweepUntil(restarted, 1L);
        assertThat(paper.exchange.order(account, new OrderLookup("BTCUSDT", placed.order().id(), null)).block().status())
                .isEqualTo(OrderStatus.FILLED);
    }

    /** A sweep in the next second: a sweep covers whole seconds since the last. */
    private void sweepUntil(long expected) {
        sweepUntil(paper.settlement, expected);
    }

    private static void sweepUntil(Settlement settlement, long expected) {
        StepVerifier.create(settlement.sweep().delaySubscription(Duration.ofMillis(1100))).expectNext(expected).verifyComplete();
    }

    private Balance balance(String asset) {
        return paper.store.balances(account.id()).filter(b -> b.asset().equals(asset)).next()
                .defaultIfEmpty(new Balance(asset, BigDecimal.ZERO, BigDecimal.ZERO)).block();
    }

    private static OrderRequest market(Side side, String quantity) {
        return new OrderRequest("BTCUSDT", side, OrderType.MARKET, null, new BigDecimal(quantity), null, null, null);
    }

    private static OrderRequest limit(Side side, String quantity, String price) {
        return new OrderRequest("BTCUSDT", side, OrderType.LIMIT, "GTC", new BigDecimal(quantity), null, new BigDecimal(price),
                null);
    }
}
