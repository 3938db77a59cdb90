package io.knag.bots.reports.application;

import io.knag.bots.BotStatusChanged;
import io.knag.bots.application.BotStore;
import io.knag.bots.domain.BotState;
import io.knag.bots.reports.domain.EquityPoint;
import io.knag.bots.reports.domain.Report;
import io.knag.bots.reports.domain.ReportGrant;
import io.knag.bots.reports.domain.ReportKind;
import io.knag.bots.reports.domain.ReportRejected;
import io.knag.bots.reports.domain.ReportTokens;
import io.knag.bots.reports.domain.Trade;
import io.knag.kernel.KnagException;
import io.knag.kernel.Transactions;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Takes a report from a running bot: check the token is this bot's running launch → check the data → for a
 * trade on an exchange the platform sees, take the exchange's record of it → record it once (by event id), with
 * its effect, in one transaction. Anything refused is recorded nowhere.
 */
public final class BotReports {

    private static final Logger log = LoggerFactory.getLogger(BotReports.class);

    private final ReportTokens tokens;
    private final ReportStore store;
    private final BotStore bots;
    private final ExchangeFills exchanges;
    private final Transactions transactions;
    private final Clock clock;

    public BotReports(ReportTokens tokens, ReportStore store, BotStore bots, ExchangeFills exchanges,
                      Transactions transactions, Clock clock) {
        this.tokens = tokens;
        this.store = store;
        this.bots = bots;
        this.exchanges = exchanges;
        this.transactions = transactions;
        this.clock = clock;
    }

    public Mono<ReportOutcome> receive(ReportSubmission submission) {
        return Mono.fromCallable(() -> authorize(submission))
                .flatMap(grant -> runningLaunch(grant)
                        .flatMap(bot -> effect(bot, submission, parse(submission))
                                .flatMap(effect -> recordOnce(bot, submission, effect))))
                .doOnNext(outcome -> log.debug("bot {} report {} {}", submission.botId(), submission.type(), outcome));
    }

    private ReportGrant authorize(ReportSubmission submission) {
        ReportGrant grant = tokens.read(submission.token(), clock.instant()).orElseThrow(() -> new KnagException(
                ReportProblems.TOKEN_INVALID, "Send the reportToken of the bot's credentials file as Authorization: Bearer <token>"));
        boolean sameBot = grant.botId().equals(submission.botId())
                && (submission.subject() == null || submission.subject().equals(submission.botId().toString()));
        if (!sameBot) {
            throw new KnagException(ReportProblems.ANOTHER_BOT, "A bot reports only for itself: its own URL, its own subject");
        }
        return grant;
    }

    private Mono<ReportedBot> runningLaunch(ReportGrant grant) {
        return store.bot(grant.botId())
                .filter(bot -> bot.takesReportsOf(grant.generation()))
                .switchIfEmpty(Mono.error(() -> new KnagException(ReportProblems.LAUNCH_ENDED,
                        "This token is of a launch that has ended; a new launch brings a new token")));
    }

    private static Report parse(ReportSubmission submission) {
        ReportKind kind = ReportKind.of(submission.type()).orElseThrow(() -> invalid(
                "type must be io.knag.bot.heartbeat, .order.placed, .trade.filled or .equity.reported"));
        try {
            return Report.of(kind, submission.data());
        } catch (ReportRejected e) {
            throw invalid(e.getMessage());
        }
    }

    /** What recording the report does, resolved before the transaction (an exchange's fill is looked up here). */
    private Mono<Effect> effect(ReportedBot bot, ReportSubmission submission, Report report) {
        Instant at = submission.time() != null ? submission.time().truncatedTo(ChronoUnit.MICROS) : now();
        if (report instanceof Report.TradeFilled filled) {
            return trade(bot, filled, at).map(trade -> new Effect(report, trade, at));
        }
        return Mono.just(new Effect(report, null, at));
    }

    private Mono<Trade> trade(ReportedBot bot, Report.TradeFilled filled, Instant at) {
        if (bot.broker() != null && exchanges.checks(bot.broker())) {
            return exchanges.find(bot.owner(), bot.broker(), filled.tradeId())
                    .switchIfEmpty(Mono.error(() -> new KnagException(ReportProblems.UNKNOWN_TRADE,
                            "The " + bot.broker() + " exchange has no trade " + filled.tradeId() + " on your accounts")));
        }
        Report.TradeFilled t;
        try {
            t = filled.complete();
        } catch (ReportRejected e) {
            return Mono.error(invalid(e.getMessage()));
        }
        BigDecimal quote = t.quoteQuantity() != null ? t.quoteQuantity() : t.price().multiply(t.quantity()).setScale(8,
                java.math.RoundingMode.HALF_EVEN);
        return Mono.just(new Trade(t.tradeId(), t.orderId(), t.symbol(), t.side(), t.price(), t.quantity(), quote,
                t.commission() != null ? t.commission() : BigDecimal.ZERO.setScale(8), t.commissionAsset(),
                t.time() != null ? t.time() : at, Trade.REPORTED));
    }

    private Mono<ReportOutcome> recordOnce(ReportedBot bot, ReportSubmission submission, Effect effect) {
        return transactions.inTransaction(() -> store.firstTime(bot.id(), submission.eventId(), bot.generation(),
                        submission.type(), now())
                .flatMap(first -> first ? apply(bot, effect).thenReturn(ReportOutcome.ACCEPTED)
                        : Mono.just(ReportOutcome.DUPLICATE)));
    }

    private Mono<Void> apply(ReportedBot bot, Effect effect) {
        Report report = effect.report();
        if (report instanceof Report.Heartbeat) {
            return store.heartbeat(bot.id(), now()).flatMap(wasSilent -> wasSilent
                    ? bots.record(new BotStatusChanged(bot.id(), bot.owner(), BotState.RUNNING, BotState.RUNNING, now(),
                    "heartbeats again")) : Mono.empty());
        }
        if (report instanceof Report.OrderPlaced order) {
            return store.order(bot.id(), order, effect.at());
        }
        if (report instanceof Report.EquityReported equity) {
            return store.equity(bot.id(), new EquityPoint(effect.at(), equity.equity(), equity.asset()));
        }
        String broker = bot.broker() != null ? bot.broker() : "unknown";
        return store.trade(bot.id(), bot.owner(), broker, effect.trade()).flatMap(recorded -> recorded ? Mono.<Void>empty()
                : Mono.error(new KnagException(ReportProblems.TRADE_CLAIMED,
                "Trade " + effect.trade().tradeId() + " is already another of your bots' trade")));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static KnagException invalid(String message) {
        return new KnagException(ReportProblems.INVALID_REPORT, message);
    }

    private record Effect(Report report, Trade trade, Instant at) {
    }
}
