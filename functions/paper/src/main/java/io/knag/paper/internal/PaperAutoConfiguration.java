package io.knag.paper.internal;

import io.knag.kernel.Transactions;
import io.knag.kernel.auth.Authenticated;
import io.knag.kernel.auth.Caller;
import io.knag.kernel.events.EventConsumer;
import io.knag.kernel.events.EventPublisher;
import io.knag.kernel.events.EventType;
import io.knag.kernel.lifecycle.Periodic;
import io.knag.kernel.persistence.SchemaMigration;
import io.knag.paper.application.ApiKeys;
import io.knag.paper.application.CreatePaperAccount;
import io.knag.paper.application.DeletePaperAccount;
import io.knag.paper.application.FillAnnouncer;
import io.knag.paper.application.MarketData;
import io.knag.paper.application.MarketQuotes;
import io.knag.paper.application.NewPaperAccount;
import io.knag.paper.application.PaperAccountView;
import io.knag.paper.application.PaperAccounts;
import io.knag.paper.application.PaperExchange;
import io.knag.paper.application.PaperStore;
import io.knag.paper.application.PaperTradeFilled;
import io.knag.paper.application.Settlement;
import io.knag.paper.application.SignedRequests;
import io.knag.paper.domain.Markets;
import io.knag.paper.domain.MatchingEngine;
import io.knag.paper.domain.MatchingRules;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * The paper exchange (docs/paper-exchange.md) on R2DBC: its accounts as named functions, its exchange use cases
 * as beans for the exchange API's routes, and the settlement of resting orders while the application runs.
 * {@code knag.http.paper=false} leaves its routes out.
 */
@AutoConfiguration(afterName = "io.knag.identity.internal.IdentityAutoConfiguration")
@ConditionalOnBean(ConnectionFactory.class)
@EnableConfigurationProperties(PaperProperties.class)
public class PaperAutoConfiguration {

    public static final SchemaMigration MIGRATION = new SchemaMigration("paper", "classpath:db/paper");

    @Bean
    SchemaMigration paperSchema() {
        return MIGRATION;
    }

    @Bean
    EventType paperTradeFilledEvent() {
        return PaperTradeFilled.TYPE;
    }

    @Bean
    PaperStore paperStore(ConnectionFactory connectionFactory) {
        return new R2dbcPaperStore(DatabaseClient.create(connectionFactory));
    }

    @Bean
    Markets paperMarkets() {
        return Markets.standard();
    }

    @Bean
    MarketData paperMarketData(PaperProperties properties, Markets markets) {
        MarketData synthetic = new SyntheticMarket(properties.seed());
        if (properties.replay() == null || properties.replay().isEmpty()) {
            return synthetic;
        }
        properties.replay().keySet().stream().filter(symbol -> markets.all().stream().noneMatch(m -> m.symbol().equals(symbol)))
                .findFirst().ifPresent(symbol -> {
                    throw new IllegalArgumentException("knag.paper.replay names " + symbol
                            + ", which the paper exchange does not list");
                });
        return new KlinesReplay(properties.replay(), synthetic);
    }

    @Bean
    MatchingRules paperMatchingRules(PaperProperties properties) {
        return new MatchingRules(properties.makerFee(), properties.takerFee(), properties.slippage());
    }

    @Bean
    MatchingEngine paperMatchingEngine(MatchingRules rules) {
        return new MatchingEngine(rules);
    }

    @Bean
    ApiKeys paperApiKeys(PaperProperties properties, Environment environment) {
        return new ApiKeys(PaperKeys.box(properties.keyEncryptionKey(),
                environment.getProperty("knag.identity.key-encryption-key")));
    }

    @Bean
    FillAnnouncer paperFillAnnouncer(EventPublisher publisher, Clock clock) {
        return new FillAnnouncer(publisher, clock);
    }

    @Bean
    PaperAccounts paperAccounts(PaperStore store, ApiKeys keys, Markets markets, PaperProperties properties, Clock clock) {
        return new PaperAccounts(store, keys, markets, properties.maxAccounts(), clock);
    }

    @Bean
    SignedRequests paperSignedRequests(PaperStore store, ApiKeys keys, Clock clock) {
        return new SignedRequests(store, keys, clock);
    }

    @Bean
    PaperExchange paperExchange(PaperStore store, Transactions transactions, MatchingEngine engine, Markets markets,
                                MarketData marketData, FillAnnouncer announcer, Clock clock) {
        return new PaperExchange(store, transactions, engine, markets, marketData, announcer, clock);
    }

    @Bean
    MarketQuotes paperMarketQuotes(Markets markets, MarketData marketData, Clock clock) {
        return new MarketQuotes(markets, marketData, clock);
    }

    @Bean
    Settlement paperSettlement(PaperStore store, Transactions transactions, MatchingEngine engine, Markets markets,
                               MarketData marketData, FillAnnouncer announcer, Clock clock) {
        return new Settlement(store, transactions, engine, markets, marketData, announcer, clock);
    }

    /** While the application runs: open orders back on the book, then a settlement sweep every interval. */
    @Bean
    Periodic paperSettlementSchedule(Settlement settlement, PaperProperties properties) {
        return new Periodic("paper settlement sweep", properties.settleEvery(), settlement::load, settlement::sweep);
    }

    @Bean
    EventConsumer paperUserDeleted(PaperAccounts accounts) {
        return new UserDeletedConsumer(accounts);
    }

    @Bean
    Function<Authenticated<CreatePaperAccount>, Mono<NewPaperAccount>> createPaperAccount(PaperAccounts accounts) {
        return accounts::create;
    }

    @Bean
    Function<Caller, Mono<List<PaperAccountView>>> listPaperAccounts(PaperAccounts accounts) {
        return caller -> accounts.list(caller.userId());
    }

    @Bean
    Function<Authenticated<UUID>, Mono<PaperAccountView>> getPaperAccount(PaperAccounts accounts) {
        return accounts::get;
    }

    @Bean
    Function<Authenticated<DeletePaperAccount>, Mono<Void>> deletePaperAccount(PaperAccounts accounts) {
        return accounts::delete;
    }

    /** One settlement sweep now: for hosts that do not run between requests (a scheduled Lambda). */
    @Bean
    java.util.function.Supplier<Mono<String>> settlePaperOrders(Settlement settlement) {
        return () -> settlement.sweep().map(filled -> "filled " + filled);
    }
}
