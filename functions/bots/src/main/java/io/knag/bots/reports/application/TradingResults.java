package io.knag.bots.reports.application;

import io.knag.bots.application.BotStore;
import io.knag.bots.domain.Bot;
import io.knag.bots.domain.BotState;
import io.knag.bots.reports.domain.Performance;
import io.knag.kernel.KnagException;
import io.knag.kernel.ProblemType;
import io.knag.kernel.UserId;
import io.knag.kernel.auth.Authenticated;
import io.knag.kernel.auth.Caller;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import reactor.core.publisher.Mono;

/** What a user's bots did: a bot's trades and performance, and all bots at once for a dashboard. */
public final class TradingResults {

    private final BotStore bots;
    private final ReportStore store;

    public TradingResults(BotStore bots, ReportStore store) {
        this.bots = bots;
        this.store = store;
    }

    public Mono<TradesPage> trades(Authenticated<TradesQuery> query) {
        TradesQuery q = query.request();
        return owned(query.caller().userId(), q.botId())
                .flatMap(bot -> store.trades(bot.id(), q.offset(), q.limit()).collectList()
                        .zipWith(store.countTrades(bot.id()), (trades, total) -> new TradesPage(trades, total, q.offset(),
                                q.limit())));
    }

    public Mono<Performance> performance(Authenticated<UUID> query) {
        return owned(query.caller().userId(), query.request()).flatMap(this::performanceOf);
    }

    public Mono<Portfolio> portfolio(Caller caller) {
        return bots.list(caller.userId())
                .concatMap(bot -> performanceOf(bot).map(p -> entry(bot, p)))
                .collectList()
                .map(TradingResults::portfolio);
    }

    private Mono<Performance> performanceOf(Bot bot) {
        return store.allTrades(bot.id()).collectList()
                .zipWith(store.equity(bot.id()).collectList(), Performance::of);
    }

    private Mono<Bot> owned(UserId owner, UUID botId) {
        return bots.find(owner, botId).switchIfEmpty(Mono.error(() -> new KnagException(ProblemType.NOT_FOUND, "No such bot")));
    }

    private static PortfolioEntry entry(Bot bot, Performance p) {
        String health = bot.state() != BotState.RUNNING ? null : bot.silent() ? "silent" : "ok";
        return new PortfolioEntry(bot.id(), bot.definition().name(), bot.state(), health, bot.lastHeartbeatAt(),
                p.tradeCount(), p.realizedPnl(), p.fees(), p.lastEquity(), p.equityAsset(), p.since());
    }

    private static Portfolio portfolio(List<PortfolioEntry> entries) {
        BigDecimal pnl = entries.stream().map(PortfolioEntry::realizedPnl).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal fees = entries.stream().map(PortfolioEntry::fees).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Portfolio(entries, pnl.setScale(8), fees.setScale(8),
                entries.stream().mapToInt(PortfolioEntry::tradeCount).sum());
    }
}
