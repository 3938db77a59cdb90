package io.knag.paper.internal;

import io.knag.kernel.persistence.Columns;
import io.knag.paper.application.PaperStore;
import io.knag.paper.application.Placed;
import io.knag.paper.domain.Balance;
import io.knag.paper.domain.BalanceChange;
import io.knag.paper.domain.Execution;
import io.knag.paper.domain.Fill;
import io.knag.paper.domain.Order;
import io.knag.paper.domain.OrderStatus;
import io.knag.paper.domain.OrderType;
import io.knag.paper.domain.PaperAccount;
import io.knag.paper.domain.Permission;
import io.knag.paper.domain.Side;
import io.r2dbc.spi.R2dbcException;
import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** {@link PaperStore} on PostgreSQL: the {@code paper} schema. */
final class R2dbcPaperStore implements PaperStore {

    private static final String ACCOUNT = "id, owner_id, label, api_key, sealed_secret, permissions, created_at";
    private static final String ORDER = "id, account_id, symbol, side, type, status, price, orig_qty, executed_qty,"
            + " cumulative_quote_qty, client_order_id, created_at, updated_at";
    private static final String FILL = "id, order_id, account_id, symbol, side, price, qty, quote_qty, commission,"
            + " commission_asset, maker, created_at";

    private static final String CHECK_VIOLATION = "23514";

    private final DatabaseClient db;

    R2dbcPaperStore(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<Void> insertAccount(PaperAccount a, List<Balance> balances) {
        Mono<Void> account = db.sql("INSERT INTO paper.accounts (" + ACCOUNT + ")"
                        + " VALUES (:id, :owner, :label, :key, :secret, :permissions, :created)")
                .bind("id", a.id()).bind("owner", a.owner()).bind("label", a.label()).bind("key", a.apiKey())
                .bind("secret", ByteBuffer.wrap(a.sealedSecret()))
                .bind("permissions", a.permissions().stream().map(Permission::id).sorted().toArray(String[]::new))
                .bind("created", a.createdAt()).then();
        return account.thenMany(Flux.fromIterable(balances).concatMap(b -> db.sql(
                        "INSERT INTO paper.balances (account_id, asset, free, locked) VALUES (:id, :asset, :free, :locked)")
                .bind("id", a.id()).bind("asset", b.asset()).bind("free", b.free()).bind("locked", b.locked()).then()))
                .then();
    }

    @Override
    public Mono<PaperAccount> accountByApiKey(String apiKey) {
        return db.sql("SELECT " + ACCOUNT + " FROM paper.accounts WHERE api_key = :key").bind("key", apiKey)
                .map(R2dbcPaperStore::account).one();
    }

    @Override
    public Mono<PaperAccount> account(UUID owner, UUID id) {
        return db.sql("SELECT " + ACCOUNT + " FROM paper.accounts WHERE owner_id = :owner AND id = :id")
                .bind("owner", owner).bind("id", id).map(R2dbcPaperStore::account).one();
    }

    @Override
    public Mono<PaperAccount> accountById(UUID id) {
        return db.sql("SELECT " + ACCOUNT + " FROM paper.accounts WHERE id = :id").bind("id", id)
                .map(R2dbcPaperStore::account).one();
    }

    @Override
    public Flux<PaperAccount> accounts(UUID owner) {
        return db.sql("SELECT " + ACCOUNT + " FROM paper.accounts WHERE owner_id = :owner ORDER BY created_at, id")
                .bind("owner", owner).map(R2dbcPaperStore::account).all();
    }

    @Override
    public Mono<Long> countAccounts(UUID owner) {
        return db.sql("SELECT count(*) AS n FROM paper.accounts WHERE owner_id = :owner").bind("owner", owner)
                .map(row -> row.get("n", Long.class)).one();
    }

    @Override
    public Mono<Boolean> deleteAccount(UUID owner, UUID id) {
        return db.sql("DELETE FROM paper.accounts WHERE owner_id = :owner AND id = :id").bind("owner", owner).bind("id", id)
                .fetch().rowsUpdated().map(n -> n > 0);
    }

    @Override
    public Mono<Void> deleteAccounts(UUID owner) {
        return db.sql("DELETE FROM paper.accounts WHERE owner_id = :owner").bind("owner", owner).then();
    }

    @Override
    public Flux<Balance> balances(UUID accountId) {
        return db.sql("SELECT asset, free, locked FROM paper.balances WHERE account_id = :id ORDER BY asset")
                .bind("id", accountId)
                .map(row -> new Balance(row.get("asset", String.class), row.get("free", BigDecimal.class),
                        row.get("locked", BigDecimal.class)))
                .all();
    }

    @Override
    public Mono<Boolean> apply(UUID accountId, BalanceChange change) {
        String sql = change.takes()
                ? "UPDATE paper.balances SET free = free + :free, locked = locked + :locked WHERE account_id = :id"
                + " AND asset = :asset AND free + :free >= 0 AND locked + :locked >= 0"
                : "INSERT INTO paper.balances (account_id, asset, free, locked) VALUES (:id, :asset, :free, :locked)"
                + " ON CONFLICT (account_id, asset) DO UPDATE SET free = balances.free + EXCLUDED.free,"
                + " locked = balances.locked + EXCLUDED.locked";
        return db.sql(sql).bind("id", accountId).bind("asset", change.asset()).bind("free", change.free())
                .bind("locked", change.locked()).fetch().rowsUpdated().map(n -> n == 1);
    }

    /**
     * One statement, so one round trip and its own transaction. It locks the account's rows of the order's assets
     * in the order of their names ({@code held}: every writer here takes them in that order, so two orders never
     * deadlock); records the order unless the account has one with its client id, or has no row at all for an
     * asset it takes from ({@code placed}); then the fill, and the changes: an update of the rows it holds, an
     * insert of the rows it credits for the first time. A change that would leave a balance below zero breaks the
     * row's {@code CHECK} and undoes the whole statement.
     */
    @Override
    public Mono<Placed> place(Order o, Execution e, List<BalanceChange> changes) {
        List<BalanceChange> sorted = changes.stream().sorted(Comparator.comparing(BalanceChange::asset)).toList();
        String[] taken = sorted.stream().filter(BalanceChange::takes).map(BalanceChange::asset).toArray(String[]::new);
        String sql = "WITH held AS (SELECT asset FROM paper.balances WHERE account_id = :account"
                + " AND asset = ANY(CAST(:assets AS text[])) ORDER BY asset FOR UPDATE),"
                + " placed AS (INSERT INTO paper.orders (account_id, symbol, side, type, status, price, orig_qty, executed_qty,"
                + " cumulative_quote_qty, client_order_id, created_at, updated_at) SELECT :account, :symbol, :side, :type,"
                + " :status, :price, :qty, :executed, :quote, :client, :created, :updated"
                + " WHERE (SELECT count(*) FROM held WHERE asset = ANY(CAST(:taken AS text[]))) = :taken_count"
                + " ON CONFLICT (account_id, client_order_id) DO NOTHING RETURNING " + ORDER + "),"
                + (e == null ? "" : " filled AS (INSERT INTO paper.fills (order_id, account_id, symbol, side, price, qty,"
                + " quote_qty, commission, commission_asset, maker, created_at) SELECT id, account_id, symbol, side,"
                + " :fill_price, :fill_qty, :fill_quote, :commission, :commission_asset, :maker, created_at FROM placed"
                + " RETURNING id AS fill_id, price AS fill_price, qty AS fill_qty, quote_qty AS fill_quote_qty,"
                + " commission, commission_asset, maker),")
                + " change AS (SELECT * FROM unnest(CAST(:assets AS text[]), CAST(:frees AS numeric[]),"
                + " CAST(:locks AS numeric[])) AS c(asset, free, locked)),"
                + " updated AS (UPDATE paper.balances b SET free = b.free + change.free, locked = b.locked + change.locked"
                + " FROM placed, change WHERE b.account_id = placed.account_id AND b.asset = change.asset RETURNING 1),"
                + " inserted AS (INSERT INTO paper.balances AS b (account_id, asset, free, locked)"
                + " SELECT placed.account_id, change.asset, change.free, change.locked FROM placed, change"
                + " WHERE change.asset NOT IN (SELECT asset FROM held) ON CONFLICT (account_id, asset) DO UPDATE"
                + " SET free = b.free + EXCLUDED.free, locked = b.locked + EXCLUDED.locked RETURNING 1)"
                + " SELECT placed.*, (SELECT count(*) FROM held WHERE asset = ANY(CAST(:taken AS text[]))) AS held_taken,"
                + " (SELECT count(*) FROM updated) + (SELECT count(*) FROM inserted) AS moved"
                + (e == null ? "" : ", filled.*") + " FROM (VALUES (1)) AS one LEFT JOIN placed ON true"
                + (e == null ? "" : " LEFT JOIN filled ON true");
        var spec = db.sql(sql).bind("account", o.accountId()).bind("symbol", o.symbol()).bind("side", o.side().name())
                .bind("type", o.type().name()).bind("status", o.status().name()).bind("price", o.price())
                .bind("qty", o.origQty()).bind("executed", o.executedQty()).bind("quote", o.cumulativeQuoteQty())
                .bind("client", o.clientOrderId()).bind("created", o.time()).bind("updated", o.updateTime())
                .bind("assets", sorted.stream().map(BalanceChange::asset).toArray(String[]::new))
                .bind("frees", sorted.stream().map(c -> c.free().toPlainString()).toArray(String[]::new))
                .bind("locks", sorted.stream().map(c -> c.locked().toPlainString()).toArray(String[]::new))
                .bind("taken", taken).bind("taken_count", (long) taken.length);
        if (e != null) {
            spec = spec.bind("fill_price", e.price()).bind("fill_qty", e.quantity()).bind("fill_quote", e.quoteQuantity())
                    .bind("commission", e.commission()).bind("commission_asset", e.commissionAsset()).bind("maker", e.maker());
        }
        return spec.map(row -> placed(row, e != null, taken.length))
                .one()
                .flatMap(Mono::justOrEmpty)
                .onErrorMap(R2dbcPaperStore::belowZero, error -> new InsufficientBalance());
    }

    /** The statement's one row: the order and its fill; nothing for a repeated client id; refused for a missing row. */
    private static Optional<Placed> placed(Readable row, boolean filled, int taken) {
        if (row.get("id", Long.class) == null) {
            if (row.get("held_taken", Long.class) < taken) {
                throw new InsufficientBalance();
            }
            return Optional.empty();
        }
        Order order = order(row);
        if (!filled) {
            return Optional.of(new Placed(order, Optional.empty()));
        }
        return Optional.of(new Placed(order, Optional.of(new Fill(row.get("fill_id", Long.class), order.id(),
                order.accountId(), order.symbol(), order.side(), row.get("fill_price", BigDecimal.class),
                row.get("fill_qty", BigDecimal.class), row.get("fill_quote_qty", BigDecimal.class),
                row.get("commission", BigDecimal.class), row.get("commission_asset", String.class),
                row.get("maker", Boolean.class), order.time()))));
    }

    /** The {@code CHECK (free >= 0)} or {@code CHECK (locked >= 0)} of a balance refused a change. */
    private static boolean belowZero(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof R2dbcException r2dbc && CHECK_VIOLATION.equals(r2dbc.getSqlState())) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Mono<Order> orderById(UUID accountId, String symbol, long orderId) {
        return db.sql("SELECT " + ORDER + " FROM paper.orders WHERE account_id = :account AND symbol = :symbol AND id = :id")
                .bind("account", accountId).bind("symbol", symbol).bind("id", orderId).map(R2dbcPaperStore::order).one();
    }

    @Override
    public Mono<Order> orderByClientId(UUID accountId, String symbol, String clientOrderId) {
        return db.sql("SELECT " + ORDER + " FROM paper.orders WHERE account_id = :account AND symbol = :symbol"
                        + " AND client_order_id = :client")
                .bind("account", accountId).bind("symbol", symbol).bind("client", clientOrderId)
                .map(R2dbcPaperStore::order).one();
    }

    @Override
    public Mono<Boolean> close(long orderId, OrderStatus status, Execution execution, Instant at) {
        var spec = execution == null
                ? db.sql("UPDATE paper.orders SET status = :status, updated_at = :at WHERE id = :id AND status = 'NEW'")
                : db.sql("UPDATE paper.orders SET status = :status, updated_at = :at, executed_qty = :qty,"
                        + " cumulative_quote_qty = :quote WHERE id = :id AND status = 'NEW'")
                .bind("qty", execution.quantity()).bind("quote", execution.quoteQuantity());
        return spec.bind("status", status.name()).bind("at", at).bind("id", orderId).fetch().rowsUpdated().map(n -> n == 1);
    }

    @Override
    public Mono<Fill> insertFill(Order o, Execution e, Instant at) {
        return db.sql("INSERT INTO paper.fills (order_id, account_id, symbol, side, price, qty, quote_qty, commission,"
                        + " commission_asset, maker, created_at) VALUES (:order, :account, :symbol, :side, :price, :qty,"
                        + " :quote, :commission, :asset, :maker, :at) RETURNING " + FILL)
                .bind("order", o.id()).bind("account", o.accountId()).bind("symbol", o.symbol()).bind("side", o.side().name())
                .bind("price", e.price()).bind("qty", e.quantity()).bind("quote", e.quoteQuantity())
                .bind("commission", e.commission()).bind("asset", e.commissionAsset()).bind("maker", e.maker())
                .bind("at", at).map(R2dbcPaperStore::fill).one();
    }

    @Override
    public Mono<Fill> fillOf(UUID owner, long tradeId) {
        return db.sql("SELECT f.id, f.order_id, f.account_id, f.symbol, f.side, f.price, f.qty, f.quote_qty, f.commission,"
                        + " f.commission_asset, f.maker, f.created_at FROM paper.fills f JOIN paper.accounts a"
                        + " ON a.id = f.account_id WHERE f.id = :id AND a.owner_id = :owner")
                .bind("id", tradeId).bind("owner", owner).map(R2dbcPaperStore::fill).one();
    }

    @Override
    public Flux<Order> openOrders(UUID accountId, String symbol) {
        return (symbol == null
                ? db.sql("SELECT " + ORDER + " FROM paper.orders WHERE account_id = :account AND status = 'NEW' ORDER BY id")
                : db.sql("SELECT " + ORDER + " FROM paper.orders WHERE account_id = :account AND symbol = :symbol"
                + " AND status = 'NEW' ORDER BY id").bind("symbol", symbol))
                .bind("account", accountId).map(R2dbcPaperStore::order).all();
    }

    @Override
    public Flux<Order> allOpenOrders() {
        return db.sql("SELECT " + ORDER + " FROM paper.orders WHERE status = 'NEW' ORDER BY id")
                .map(R2dbcPaperStore::order).all();
    }

    @Override
    public Flux<Fill> fills(UUID accountId, String symbol, FillQuery q) {
        StringBuilder where = new StringBuilder(" FROM paper.fills WHERE account_id = :account AND symbol = :symbol");
        if (q.fromId() != null) {
            where.append(" AND id >= :from");
        }
        if (q.orderId() != null) {
            where.append(" AND order_id = :order");
        }
        if (q.start() != null) {
            where.append(" AND created_at >= :start");
        }
        if (q.end() != null) {
            where.append(" AND created_at <= :end");
        }
        boolean latest = q.fromId() == null && q.start() == null;
        String sql = latest
                ? "SELECT * FROM (SELECT " + FILL + where + " ORDER BY id DESC LIMIT :limit) latest ORDER BY id"
                : "SELECT " + FILL + where + " ORDER BY id LIMIT :limit";
        var spec = db.sql(sql).bind("account", accountId).bind("symbol", symbol).bind("limit", q.limit());
        if (q.fromId() != null) {
            spec = spec.bind("from", q.fromId());
        }
        if (q.orderId() != null) {
            spec = spec.bind("order", q.orderId());
        }
        if (q.start() != null) {
            spec = spec.bind("start", q.start());
        }
        if (q.end() != null) {
            spec = spec.bind("end", q.end());
        }
        return spec.map(R2dbcPaperStore::fill).all();
    }

    private static PaperAccount account(Readable row) {
        String[] permissions = row.get("permissions", String[].class);
        return new PaperAccount(row.get("id", UUID.class), row.get("owner_id", UUID.class), row.get("label", String.class),
                row.get("api_key", String.class), Columns.bytes(row.get("sealed_secret", ByteBuffer.class)),
                Arrays.stream(permissions).map(Permission::of).collect(Collectors.toSet()),
                row.get("created_at", Instant.class));
    }

    private static Order order(Readable row) {
        return new Order(row.get("id", Long.class), row.get("account_id", UUID.class), row.get("symbol", String.class),
                Side.valueOf(row.get("side", String.class)), OrderType.valueOf(row.get("type", String.class)),
                OrderStatus.valueOf(row.get("status", String.class)), row.get("price", BigDecimal.class),
                row.get("orig_qty", BigDecimal.class), row.get("executed_qty", BigDecimal.class),
                row.get("cumulative_quote_qty", BigDecimal.class), row.get("client_order_id", String.class),
                row.get("created_at", Instant.class), row.get("updated_at", Instant.class));
    }

    private static Fill fill(Readable row) {
        return new Fill(row.get("id", Long.class), row.get("order_id", Long.class), row.get("account_id", UUID.class),
                row.get("symbol", String.class), Side.valueOf(row.get("side", String.class)),
                row.get("price", BigDecimal.class), row.get("qty", BigDecimal.class), row.get("quote_qty", BigDecimal.class),
                row.get("commission", BigDecimal.class), row.get("commission_asset", String.class),
                row.get("maker", Boolean.class), row.get("created_at", Instant.class));
    }
}
