package io.knag.bots.reports.application;

import io.knag.bots.reports.domain.EquityPoint;
import io.knag.bots.reports.domain.Report;
import io.knag.bots.reports.domain.Trade;
import java.time.Instant;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Where reports and what follows from them are kept; writes of one report run in one transaction. */
public interface ReportStore {

    Mono<ReportedBot> bot(UUID botId);

    /** Remembers a report's event id; false when the bot already sent it (the report is then ignored). */
    Mono<Boolean> firstTime(UUID botId, String eventId, long generation, String type, Instant at);

    /** Records a heartbeat (to the second: one within a second of the last changes nothing); true when the bot had been silent. */
    Mono<Boolean> heartbeat(UUID botId, Instant at);

    Mono<Void> order(UUID botId, Report.OrderPlaced order, Instant at);

    /** Records a trade once for its owner and broker; false when another bot of the owner already has it. */
    Mono<Boolean> trade(UUID botId, UUID owner, String broker, Trade trade);

    Mono<Void> equity(UUID botId, EquityPoint point);

    /** A bot's trades, newest first. */
    Flux<Trade> trades(UUID botId, int offset, int limit);

    Mono<Long> countTrades(UUID botId);

    /** Every trade of a bot, oldest first. */
    Flux<Trade> allTrades(UUID botId);

    /** Every equity report of a bot, oldest first. */
    Flux<EquityPoint> equity(UUID botId);

    /** Marks silent, and returns, the running bots with no heartbeat (nor start) since {@code cutoff}. */
    Flux<ReportedBot> silence(Instant cutoff);
}
