package io.knag.bots.reports.internal;

import io.knag.bots.application.BotStore;
import io.knag.bots.internal.BotsProperties;
import io.knag.bots.reports.application.BotReports;
import io.knag.bots.reports.application.ExchangeFills;
import io.knag.bots.reports.application.HealthWatch;
import io.knag.bots.reports.application.Portfolio;
import io.knag.bots.reports.application.ReportOutcome;
import io.knag.bots.reports.application.ReportStore;
import io.knag.bots.reports.application.ReportSubmission;
import io.knag.bots.reports.application.TradesPage;
import io.knag.bots.reports.application.TradesQuery;
import io.knag.bots.reports.application.TradingResults;
import io.knag.bots.reports.domain.Performance;
import io.knag.bots.reports.domain.ReportTokens;
import io.knag.kernel.Transactions;
import io.knag.kernel.auth.Authenticated;
import io.knag.kernel.auth.Caller;
import io.knag.kernel.lifecycle.Periodic;
import io.knag.paper.application.PaperExchange;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Bean;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * Bot reports (docs/bot-contract.md#reporting-back): taking them from running bots, the trades, performance and
 * portfolio they give their owners, and the watch for silent bots; with the paper exchange of this host, when
 * there is one, as the exchange whose fills are a paper bot's trades.
 */
@AutoConfiguration(afterName = {"io.knag.bots.internal.BotsAutoConfiguration", "io.knag.paper.internal.PaperAutoConfiguration"})
@ConditionalOnBean({ConnectionFactory.class, BotStore.class})
public class ReportsAutoConfiguration {

    @Bean
    ReportStore botReportStore(ConnectionFactory connectionFactory) {
        return new R2dbcReportStore(DatabaseClient.create(connectionFactory));
    }

    @Bean
    ExchangeFills botExchangeFills(ObjectProvider<PaperExchange> paper) {
        PaperExchange exchange = paper.getIfAvailable();
        return exchange == null ? ExchangeFills.NONE : new PaperExchangeFills(exchange);
    }

    @Bean
    BotReports botReports(ReportTokens tokens, ReportStore store, BotStore bots, ExchangeFills exchanges,
                          Transactions transactions, Clock clock) {
        return new BotReports(tokens, store, bots, exchanges, transactions, clock);
    }

    @Bean
    TradingResults tradingResults(BotStore bots, ReportStore store) {
        return new TradingResults(bots, store);
    }

    @Bean
    HealthWatch botHealthWatch(ReportStore store, BotStore bots, BotsProperties properties, Clock clock) {
        return new HealthWatch(store, bots, properties.silentAfter(), clock);
    }

    /** While the application runs, looks for silent bots four times per {@code knag.bots.silent-after}. */
    @Bean
    Periodic botHealthWatchSchedule(HealthWatch watch, BotsProperties properties) {
        Duration every = properties.silentAfter().dividedBy(4);
        return new Periodic("looking for silent bots", every.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1)
                : every, watch::sweep);
    }

    /** Internal to the bots host: called by the reports route with a report token, never with a user's token. */
    @Bean
    Function<ReportSubmission, Mono<ReportOutcome>> receiveBotReport(BotReports reports) {
        return reports::receive;
    }

    @Bean
    Function<Authenticated<TradesQuery>, Mono<TradesPage>> botTrades(TradingResults results) {
        return results::trades;
    }

    @Bean
    Function<Authenticated<UUID>, Mono<Performance>> botPerformance(TradingResults results) {
        return results::performance;
    }

    @Bean
    Function<Caller, Mono<Portfolio>> portfolio(TradingResults results) {
        return results::portfolio;
    }
}
