package io.knag.bots.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.knag.bots.BotStatusChanged;
import io.knag.bots.application.BotStore;
import io.knag.bots.domain.Bot;
import io.knag.bots.domain.BotDefinition;
import io.knag.bots.domain.BotKind;
import io.knag.bots.domain.BotParams;
import io.knag.bots.domain.BotState;
import io.knag.bots.domain.Resources;
import io.knag.bots.domain.RestartPolicy;
import io.knag.kernel.UserId;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

final class R2dbcBotStore implements BotStore {

    private static final String COLUMNS = "id, user_id, name, image, credential_id, params, cpu_millis, memory_mib,"
            + " restart_mode, max_restarts, kind, state, generation, deleting, created_at, updated_at";
    /** What a read gives besides the written columns: what the bot's reports keep. */
    private static final String READ = COLUMNS + ", last_heartbeat_at, silent";
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };

    private final DatabaseClient db;
    private final ObjectMapper json = new ObjectMapper();

    R2dbcBotStore(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<Void> insert(Bot bot) {
        return bindRow(db.sql("INSERT INTO bots.bots (" + COLUMNS + ") VALUES (:id, :user, :name, :image, :credential,"
                        + " :params, :cpu, :memory, :mode, :maxRestarts, :kind, :state, :generation, :deleting, :created,"
                        + " :updated)"), bot)
                .bind("user", bot.owner().value()).bind("created", bot.createdAt())
                .then();
    }

    @Override
    public Flux<Bot> list(UserId owner) {
        return db.sql("SELECT " + READ + " FROM bots.bots WHERE user_id = :user ORDER BY created_at, id")
                .bind("user", owner.value()).map(this::bot).all();
    }

    @Override
    public Mono<Long> count(UserId owner) {
        return db.sql("SELECT count(*) AS n FROM bots.bots WHERE user_id = :user")
                .bind("user", owner.value()).map(row -> row.get("n", Long.class)).one();
    }

    @Override
    public Mono<Bot> find(UserId owner, UUID id) {
        return db.sql("SELECT " + READ + " FROM bots.bots WHERE user_id = :user AND id = :id")
                .bind("user", owner.value()).bind("id", id).map(this::bot).one();
    }

    @Override
    public Mono<Bot> lock(UUID id) {
        return db.sql("SELECT " + READ + " FROM bots.bots WHERE id = :id FOR UPDATE")
                .bind("id", id).map(this::bot).one();
    }

    @Override
    public Mono<Void> lockOwner(UserId owner) {
        return db.sql("SELECT pg_advisory_xact_lock(hashtextextended(:user, 0))")
                .bind("user", owner.value().toString()).then();
    }

    @Override
    public Flux<Bot> active() {
        return db.sql("SELECT " + READ + " FROM bots.bots WHERE state IN ('STARTING', 'RUNNING', 'STOPPING')"
                + " ORDER BY updated_at, id").map(this::bot).all();
    }

    @Override
    public Mono<Void> update(Bot bot) {
        return bindRow(db.sql("UPDATE bots.bots SET name = :name, image = :image, credential_id = :credential,"
                        + " params = :params, cpu_millis = :cpu, memory_mib = :memory, restart_mode = :mode,"
                        + " max_restarts = :maxRestarts, kind = :kind, state = :state, generation = :generation,"
                        + " deleting = :deleting, updated_at = :updated WHERE id = :id"), bot)
                .then();
    }

    /** The columns an insert and an update both write: the definition, the lifecycle, the last change. */
    private static DatabaseClient.GenericExecuteSpec bindRow(DatabaseClient.GenericExecuteSpec spec, Bot bot) {
        BotDefinition d = bot.definition();
        return spec.bind("id", bot.id()).bind("name", d.name()).bind("image", d.image())
                .bind("credential", d.credentialId()).bind("params", d.params().json())
                .bind("cpu", d.resources().cpuMillis()).bind("memory", d.resources().memoryMib())
                .bind("mode", d.restartPolicy().mode()).bind("maxRestarts", d.restartPolicy().maxRestarts())
                .bind("kind", d.kind().name())
                .bind("state", bot.state().name()).bind("generation", bot.generation()).bind("deleting", bot.deleting())
                .bind("updated", bot.updatedAt());
    }

    @Override
    public Mono<Void> launchedWith(UUID id, long generation, String broker) {
        return db.sql("UPDATE bots.bots SET broker = :broker, silent = false WHERE id = :id AND generation = :generation")
                .bind("id", id).bind("generation", generation).bind("broker", broker).then();
    }

    @Override
    public Mono<Void> delete(UUID id) {
        return db.sql("DELETE FROM bots.bots WHERE id = :id").bind("id", id).then();
    }

    @Override
    public Mono<Void> record(BotStatusChanged change) {
        var spec = db.sql("INSERT INTO bots.history (bot_id, user_id, from_state, to_state, at, detail)"
                        + " VALUES (:bot, :user, :from, :to, :at, :detail)")
                .bind("bot", change.botId()).bind("user", change.owner()).bind("to", change.to().name())
                .bind("at", change.at()).bind("detail", change.detail());
        spec = change.from() == null ? spec.bindNull("from", String.class) : spec.bind("from", change.from().name());
        return spec.then();
    }

    @Override
    public Flux<BotStatusChanged> history(UUID botId, int limit) {
        return db.sql("SELECT * FROM (SELECT seq, bot_id, user_id, from_state, to_state, at, detail FROM bots.history"
                        + " WHERE bot_id = :bot ORDER BY seq DESC LIMIT :limit) newest ORDER BY seq")
                .bind("bot", botId).bind("limit", limit)
                .map(row -> new BotStatusChanged(row.get("bot_id", UUID.class), row.get("user_id", UUID.class),
                        state(row.get("from_state", String.class)), state(row.get("to_state", String.class)),
                        row.get("at", Instant.class), row.get("detail", String.class)))
                .all();
    }

    @Override
    public Mono<Boolean> markHandled(UUID eventId, Instant at) {
        return db.sql("INSERT INTO bots.handled_events (event_id, handled_at) VALUES (:id, :at) ON CONFLICT DO NOTHING")
                .bind("id", eventId).bind("at", at).fetch().rowsUpdated().map(rows -> rows > 0);
    }

    @Override
    public Mono<Long> forgetHandledBefore(Instant before) {
        return db.sql("DELETE FROM bots.handled_events WHERE handled_at < :before").bind("before", before)
                .fetch().rowsUpdated();
    }

    private static BotState state(String name) {
        return name == null ? null : BotState.valueOf(name);
    }

    private Bot bot(Readable row) {
        Map<String, Object> params;
        String text = row.get("params", String.class);
        try {
            params = json.readValue(text, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored params of a bot are not JSON", e);
        }
        var definition = new BotDefinition(row.get("name", String.class), row.get("image", String.class),
                row.get("credential_id", UUID.class), BotParams.stored(params, text),
                new Resources(row.get("cpu_millis", Integer.class) + "m", row.get("memory_mib", Integer.class) + "Mi"),
                new RestartPolicy(row.get("restart_mode", String.class), row.get("max_restarts", Integer.class)),
                BotKind.valueOf(row.get("kind", String.class)));
        return new Bot(row.get("id", UUID.class), new UserId(row.get("user_id", UUID.class)), definition,
                BotState.valueOf(row.get("state", String.class)), row.get("generation", Long.class),
                row.get("deleting", Boolean.class), row.get("created_at", Instant.class),
                row.get("updated_at", Instant.class), row.get("last_heartbeat_at", Instant.class),
                Boolean.TRUE.equals(row.get("silent", Boolean.class)));
    }
}
