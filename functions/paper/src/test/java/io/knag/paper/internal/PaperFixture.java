package io.knag.paper.internal;

import io.knag.kernel.UserId;
import io.knag.kernel.auth.Authenticated;
import io.knag.kernel.auth.Caller;
import io.knag.kernel.crypto.SecretKeyBox;
import io.knag.kernel.events.Event;
import io.knag.kernel.persistence.R2dbcTransactions;
import io.knag.kernel.testing.TestDatabase;
import io.knag.paper.application.ApiKeys;
import io.knag.paper.application.CreatePaperAccount;
import io.knag.paper.application.FillAnnouncer;
import io.knag.paper.application.MarketData;
import io.knag.paper.application.NewPaperAccount;
import io.knag.paper.application.PaperAccounts;
import io.knag.paper.application.PaperExchange;
import io.knag.paper.application.PaperStore;
import io.knag.paper.application.Settlement;
import io.knag.paper.application.SignedRequests;
import io.knag.paper.domain.Candle;
import io.knag.paper.domain.Interval;
import io.knag.paper.domain.Market;
import io.knag.paper.domain.Markets;
import io.knag.paper.domain.MatchingEngine;
import io.knag.paper.domain.MatchingRules;
import io.knag.paper.domain.PaperAccount;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/** The paper exchange wired by hand on a fresh real PostgreSQL database, with a market whose price a test sets. */
public final class PaperFixture {

    public final TestDatabase database = TestDatabase.create(PaperAutoConfiguration.MIGRATION);
    public final SteeredMarket market = new SteeredMarket();
    public final List<Event> published = new CopyOnWriteArrayList<>();
    public final Markets markets = Markets.standard();
    public final MatchingEngine engine = new MatchingEngine(MatchingRules.STANDARD);
    public final PaperStore store = new R2dbcPaperStore(DatabaseClient.create(database.connectionFactory()));
    final Clock clock = Clock.systemUTC();
    final ApiKeys keys = new ApiKeys(new SecretKeyBox(new byte[32]));
    final R2dbcTransactions transactions = new R2dbcTransactions(TransactionalOperator.create(
            new R2dbcTransactionManager(database.connectionFactory())));
    final FillAnnouncer announcer = new FillAnnouncer(event -> Mono.fromRunnable(() -> published.add(event)), clock);
    public final PaperAccounts accounts = new PaperAccounts(store, keys, markets, 3, clock);
    public final PaperExchange exchange = new PaperExchange(store, transactions, engine, markets, market, announcer, clock);
    public final Settlement settlement = new Settlement(store, transactions, engine, markets, market, announcer, clock);
    public final SignedRequests signed = new SignedRequests(store, keys, clock);

    public NewPaperAccount newAccount(UUID owner, Map<String, String> balances) {
        return accounts.create(new Authenticated<>(caller(owner), new CreatePaperAccount("Test", balances, null))).block();
    }

    /** The settlement of an exchange started anew on the same database: an empty book until it loads. */
    public Settlement restartedSettlement() {
        return new Settlement(store, transactions, new MatchingEngine(MatchingRules.STANDARD), markets, market, announcer, clock);
    }

    public PaperAccount account(NewPaperAccount created) {
        return store.accountById(created.id()).block();
    }

    public static Caller caller(UUID owner) {
        return new Caller(new UserId(owner), "t", Instant.now().plusSeconds(600));
    }

    /** A market whose price is what the test says, and whose range is the last low and high it was given. */
    public static final class SteeredMarket implements MarketData {

        private volatile BigDecimal price = new BigDecimal("50000.00");
        private volatile BigDecimal low = price;
        private volatile BigDecimal high = price;

        public void at(String price) {
            this.price = new BigDecimal(price);
            this.low = this.price;
            this.high = this.price;
        }

        public void ranges(String low, String high) {
            this.low = new BigDecimal(low);
            this.high = new BigDecimal(high);
        }

        @Override
        public BigDecimal price(Market market, Instant at) {
            return price;
        }

        @Override
        public List<Candle> candles(Market market, Interval interval, Instant from, Instant to, int limit, Instant now) {
            return List.of();
        }

        @Override
        public Candle range(Market market, Instant from, Instant to) {
            return new Candle(from, to, price, high, low, price, BigDecimal.ZERO, 0);
        }
    }
}
