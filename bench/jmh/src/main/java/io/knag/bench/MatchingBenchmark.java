package io.knag.bench;

import io.knag.paper.domain.Decision;
import io.knag.paper.domain.Market;
import io.knag.paper.domain.Markets;
import io.knag.paper.domain.MatchingEngine;
import io.knag.paper.domain.MatchingRules;
import io.knag.paper.domain.OrderRequest;
import io.knag.paper.domain.OrderType;
import io.knag.paper.domain.RestingOrder;
import io.knag.paper.domain.Side;
import java.math.BigDecimal;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The paper exchange's matching engine, single-threaded, on one market: orders per second for a mix of market
 * orders (filters checked, fill computed), limit orders away from the price (checked, put on the book) and, every
 * tenth order, a sweep of the book by a price range that fills what it reaches; and market orders alone.
 * Prices and quantities are made before measuring. Target: at least 100,000 orders/s.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Threads(1)
@Fork(1)
public class MatchingBenchmark {

    private static final int ORDERS = 1 << 14;
    private final Market btc = Markets.standard().find("BTCUSDT");
    private final MatchingEngine engine = new MatchingEngine(MatchingRules.STANDARD);
    private final UUID account = UUID.randomUUID();
    private final OrderRequest[] orders = new OrderRequest[ORDERS];
    private final BigDecimal[] lows = new BigDecimal[ORDERS];
    private final BigDecimal[] highs = new BigDecimal[ORDERS];
    private final BigDecimal price = new BigDecimal("90000.00");
    private long next;

    @Setup
    public void orders() {
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < ORDERS; i++) {
            Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
            BigDecimal quantity = new BigDecimal("0.001").add(new BigDecimal(random.nextInt(1000)).movePointLeft(5));
            if (i % 2 == 0) {
                orders[i] = new OrderRequest("BTCUSDT", side, OrderType.MARKET, null, quantity, null, null, null);
            } else {
                int ticks = 100 + random.nextInt(2000);
                BigDecimal limit = side == Side.BUY ? price.subtract(new BigDecimal(ticks).movePointLeft(2))
                        : price.add(new BigDecimal(ticks).movePointLeft(2));
                orders[i] = new OrderRequest("BTCUSDT", side, OrderType.LIMIT, "GTC", quantity, null, limit, null);
            }
            int swing = 1000 + random.nextInt(1500);
            lows[i] = price.subtract(new BigDecimal(swing).movePointLeft(2));
            highs[i] = price.add(new BigDecimal(swing).movePointLeft(2));
        }
    }

    /** One order of the mix; every tenth also sweeps the book (what the settlement does each second). */
    @Benchmark
    public int mixedOrders() {
        long n = next++;
        int i = (int) (n & (ORDERS - 1));
        Decision decision = engine.submit(btc, orders[i], price);
        int filled = 0;
        if (decision instanceof Decision.Rests) {
            OrderRequest o = orders[i];
            engine.rest(new RestingOrder(n, account, "BTCUSDT", o.side(), o.price(), o.quantity()));
        } else {
            filled = 1;
        }
        if (n % 10 == 0) {
            for (RestingOrder crossed : engine.crossed("BTCUSDT", lows[i], highs[i])) {
                filled += engine.fillResting(btc, crossed).changes().size();
            }
        }
        return filled;
    }

    @Benchmark
    public Decision marketOrders() {
        int i = (int) (next++ & (ORDERS - 1)) & ~1;
        return engine.submit(btc, orders[i], price);
    }
}
