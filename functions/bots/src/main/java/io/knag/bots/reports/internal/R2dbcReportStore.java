package io.knag.bots.reports.internal;

import io.knag.bots.domain.BotState;
import io.knag.bots.reports.application.ReportStore;
import io.knag.bots.reports.application.ReportedBot;
import io.knag.bots.reports.domain.EquityPoint;
import io.knag.bots.reports.domain.Report;
import io.knag.bots.reports.domain.Trade;
import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** {@link ReportStore} on PostgreSQL: columns of {@code bots.bots} and the tables of V4__reports.sql. */
final class R2dbcReportStore implements ReportStore {

    private static final String BOT = "id, user_id, name, state, generation, broker, last_heartbeat_at, silent";
    private static final String TRADE = "trade_id, order_id, symbol, side, price, quantity, quote_quantity, commission,"
            + " commission_asset, traded_at, source";

    private final DatabaseClient db;

    R2dbcReportStore(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<ReportedBot> bot(UUID botId) {
        return db.sql("SELECT " + BOT + " FROM bots.bots WHERE id = :id").bind("id", botId).map(R2dbcReportStore::reportedBot).one();
    }

    @Override
    public Mono<Boolean> firstTime(UUID botId, String eventId, long generation, String type, Instant at) {
        return db.sql("INSERT INTO bots.reports (bot_id, event_id, generation, type, received_at)"
                        + " VALUES (:bot, :event, :generation, :type, :at) ON CONFLICT DO NOTHING")
                .bind("bot", botId).bind("event", eventId).bind("generation", generation).bind("type", type).bind("at", at)
                .fetch().rowsUpdated().map(n -> n == 1);
    }

    @Override
    public Mono<Boolean> heartbeat(UUID botId, Instant at) {
        // At most one write a second per bot (or when it was silent): heartbeats of one bot never queue on its row.
        return db.sql("UPDATE bots.bots new SET last_heartbeat_at = :at, silent = false FROM bots.bots old"
                        + " WHERE new.id = :id AND old.id = new.id AND (old.silent OR old.last_heartbeat_at IS NULL"
                        + " OR old.last_heartbeat_at < :at - interval '1 second') RETURNING old.silent")
                .bind("id", botId).bind("at", at).map(row -> Boolean.TRUE.equals(row.get("silent", Boolean.class)))
                .one().defaultIfEmpty(false);
    }

    @Override
    public Mono<Void> order(UUID botId, Report.OrderPlaced o, Instant at) {
        var spec = db.sql("INSERT INTO bots.orders (bot_id, order_id, client_order_id, symbol, side, type, quantity, price,"
                        + " placed_at) VALUES (:bot, :order, :client, :symbol, :side, :type, :quantity, :price, :at)"
                        + " ON CONFLICT DO NOTHING")
                .bind("bot", botId).bind("order", o.orderId()).bind("symbol", o.symbol()).bind("side", o.side())
                .bind("type", o.type()).bind("at", at);
        spec = o.clientOrderId() == null ? spec.bindNull("client", String.class) : spec.bind("client", o.clientOrderId());
        spec = o.quantity() == null ? spec.bindNull("quantity", BigDecimal.class) : spec.bind("quantity", o.quantity());
        spec = o.price() == null ? spec.bindNull("price", BigDecimal.class) : spec.bind("price", o.price());
        return spec.then();
    }

    @Override
    public Mono<Boolean> trade(UUID botId, UUID owner, String broker, Trade t) {
        var spec = db.sql("INSERT INTO bots.trades (bot_id, user_id, broker, " + TRADE + ") VALUES (:bot, :owner, :broker,"
                        + " :trade, :order, :symbol, :side, :price, :quantity, :quote, :commission, :asset, :at, :source)"
                        + " ON CONFLICT (user_id, broker, trade_id) DO NOTHING")
                .bind("bot", botId).bind("owner", owner).bind("broker", broker).bind("trade", t.tradeId())
                .bind("symbol", t.symbol()).bind("side", t.side()).bind("price", t.price()).bind("quantity", t.quantity())
                .bind("quote", t.quoteQuantity()).bind("commission", t.commission()).bind("at", t.time())
                .bind("source", t.source());
        spec = t.orderId() == null ? spec.bindNull("order", String.class) : spec.bind("order", t.orderId());
        spec = t.commissionAsset() == null ? spec.bindNull("asset", String.class) : spec.bind("asset", t.commissionAsset());
        return spec.fetch().rowsUpdated().flatMap(n -> n == 1 ? Mono.just(true)
                : db.sql("SELECT bot_id FROM bots.trades WHERE user_id = :owner AND broker = :broker AND trade_id = :trade")
                .bind("owner", owner).bind("broker", broker).bind("trade", t.tradeId())
                .map(row -> botId.equals(row.get("bot_id", UUID.class))).one().defaultIfEmpty(false));
    }

    @Override
    public Mono<Void> equity(UUID botId, EquityPoint point) {
        return db.sql("INSERT INTO bots.equity (bot_id, at, equity, asset) VALUES (:bot, :at, :equity, :asset)")
                .bind("bot", botId).bind("at", point.at()).bind("equity", point.equity()).bind("asset", point.asset()).then();
    }

    @Override
    public Flux<Trade> trades(UUID botId, int offset, int limit) {
        return db.sql("SELECT " + TRADE + " FROM bots.trades WHERE bot_id = :bot ORDER BY traded_at DESC, seq DESC"
                        + " OFFSET :offset LIMIT :limit")
                .bind("bot", botId).bind("offset", offset).bind("limit", limit).map(R2dbcReportStore::trade).all();
    }

    @Override
    public Mono<Long> countTrades(UUID botId) {
        return db.sql("SELECT count(*) AS n FROM bots.trades WHERE bot_id = :bot").bind("bot", botId)
                .map(row -> row.get("n", Long.class)).one();
    }

    @Override
    public Flux<Trade> allTrades(UUID botId) {
        return db.sql("SELECT " + TRADE + " FROM bots.trades WHERE bot_id = :bot ORDER BY traded_at, seq").bind("bot", botId)
                .map(R2dbcReportStore::trade).all();
    }

    @Override
    public Flux<EquityPoint> equity(UUID botId) {
        return db.sql("SELECT at, equity, asset FROM bots.equity WHERE bot_id = :bot ORDER BY at").bind("bot", botId)
                .map(row -> new EquityPoint(row.get("at", Instant.class), row.get("equity", BigDecimal.class),
                        row.get("asset", String.class))).all();
    }

    @Override
    public Flux<ReportedBot> silence(Instant cutoff) {
        return db.sql("UPDATE bots.bots SET silent = true WHERE state = 'RUNNING' AND NOT silent"
                        + " AND coalesce(last_heartbeat_at, updated_at) < :cutoff AND updated_at < :cutoff RETURNING " + BOT)
                .bind("cutoff", cutoff).map(R2dbcReportStore::reportedBot).all();
    }

    private static ReportedBot reportedBot(Readable row) {
        return new ReportedBot(row.get("id", UUID.class), row.get("user_id", UUID.class), row.get("name", String.class),
                BotState.valueOf(row.get("state", String.class)), row.get("generation", Long.class),
                row.get("broker", String.class), row.get("last_heartbeat_at", Instant.class),
                Boolean.TRUE.equals(row.get("silent", Boolean.class)));
    }

    private static Trade trade(Readable row) {
        return new Trade(row.get("trade_id", String.class), row.get("order_id", String.class), row.get("symbol", String.class),
                row.get("side", String.class), row.get("price", BigDecimal.class), row.get("quantity", BigDecimal.class),
                row.get("quote_quantity", BigDecimal.class), row.get("commission", BigDecimal.class),
                row.get("commission_asset", String.class), row.get("traded_at", Instant.class), row.get("source", String.class));
    }
}
