package io.knag.bots.internal;

import io.knag.bots.application.BotCredentials;
import io.knag.bots.application.BotManager;
import io.knag.bots.application.BotStore;
import io.knag.bots.application.Bots;
import io.knag.bots.application.Convergence;
import io.knag.bots.application.InMemoryBotStore;
import io.knag.bots.application.LaunchReporting;
import io.knag.bots.application.Launches;
import io.knag.bots.application.Lifecycle;
import io.knag.bots.application.ManagerKey;
import io.knag.bots.application.StandInVault;
import io.knag.bots.domain.ImageAllowlist;
import io.knag.bots.domain.Quotas;
import io.knag.bots.reports.domain.ReportTokens;
import io.knag.identity.Register;
import io.knag.identity.Registered;
import io.knag.identity.internal.IdentityFixture;
import io.knag.kernel.Transactions;
import io.knag.kernel.UserId;
import io.knag.kernel.auth.Authenticated;
import io.knag.kernel.auth.Caller;
import io.knag.kernel.events.Event;
import io.knag.kernel.events.EventPublisher;
import io.knag.vault.AddCredential;
import io.knag.vault.CredentialView;
import io.knag.vault.internal.VaultFixture;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * The bots use cases wired by hand, in one of two ways: {@link #inMemory()} (an in-memory store and a stand-in
 * vault: for the use-case tests) or {@link #onPostgres()} (identity, vault and bots on one fresh real PostgreSQL
 * database: for the module's own test, the store's and the consumers'). Published events are kept in
 * {@link #events}, not delivered: each test hands them to the manager in the order it wants.
 */
public final class BotsFixture {

    public static final String PASSWORD = "alice's long passphrase";
    public static final Quotas QUOTAS = new Quotas(20, 5, 4000, 4096);

    /** The real identity and vault on PostgreSQL; null in memory. */
    public final VaultFixture vault;
    public final IdentityFixture.MutableClock clock;
    public final List<Event> events = new CopyOnWriteArrayList<>();
    public final EventPublisher publisher = event -> Mono.fromRunnable(() -> events.add(event));
    public final RecordingRuntime runtime = new RecordingRuntime();
    public final BotStore store;
    public final ManagerKey managerKey = ManagerKey.generate();
    public final ImageAllowlist allowlist = new ImageAllowlist(List.of("knag/heartbeat-bot", "ghcr.io/community/"));
    public final BotCredentials credentials;
    public final ReportTokens reportTokens = new ReportTokens(managerKey.derive("knag/bots/report-tokens"));
    public final LaunchReporting reporting = new LaunchReporting(reportTokens, Duration.ofDays(30),
            () -> "http://127.0.0.1:8080", Map.of("paper", "/paper"));
    public final Lifecycle lifecycle;
    public final Bots bots;
    public final Launches launches;
    public final BotManager manager;
    public final Convergence convergence;

    private final Transactions transactions;
    private final StandInVault standIn;

    private BotsFixture(Quotas quotas, VaultFixture vault) {
        this.vault = vault;
        if (vault == null) {
            InMemoryBotStore memory = new InMemoryBotStore();
            clock = new IdentityFixture.MutableClock();
            store = memory;
            transactions = memory;
            standIn = new StandInVault();
            credentials = standIn;
        } else {
            clock = vault.clock;
            store = new R2dbcBotStore(DatabaseClient.create(vault.database.connectionFactory()));
            transactions = vault.identity.transactions;
            standIn = null;
            credentials = new VaultBotCredentials(command -> vault.credentials.get(command), vault.credentials::openForLaunch);
        }
        lifecycle = lifecycle(publisher);
        bots = new Bots(store, credentials, runtime, allowlist, quotas, lifecycle, clock);
        launches = new Launches(store, credentials, quotas, allowlist, managerKey, lifecycle);
        manager = new BotManager(store, runtime, managerKey, reporting, lifecycle);
        convergence = new Convergence(store, runtime, lifecycle, Duration.ofMinutes(5), clock);
    }

    /** The use cases on an in-memory store with a stand-in vault: no database. */
    public static BotsFixture inMemory() {
        return inMemory(QUOTAS);
    }

    public static BotsFixture inMemory(Quotas quotas) {
        return new BotsFixture(quotas, null);
    }

    /** Identity, vault and bots on one fresh real PostgreSQL database. */
    public static BotsFixture onPostgres() {
        return new BotsFixture(QUOTAS, new VaultFixture(BotsAutoConfiguration.MIGRATION));
    }

    /** The same use cases after an operator changed the allowlist. */
    public Launches launchesAllowing(String... images) {
        return new Launches(store, credentials, QUOTAS, new ImageAllowlist(List.of(images)), managerKey, lifecycle);
    }

    /** The bots' lifecycle on this store and runtime, publishing to {@code to}. */
    public Lifecycle lifecycle(EventPublisher to) {
        return new Lifecycle(store, runtime, to, transactions, clock);
    }

    public Caller register(String email, String password) {
        UserId user;
        if (vault == null) {
            user = new UserId(UUID.randomUUID());
            standIn.register(user, password);
        } else {
            Registered registered = vault.identity.accounts.register(new Register(email, password, "Someone")).block();
            user = new UserId(registered.id());
        }
        return new Caller(user, "token-" + email, Instant.now().plusSeconds(900));
    }

    public CredentialView addCredential(Caller caller, Map<String, String> secrets) {
        if (vault == null) {
            return standIn.add(caller.userId(), secrets);
        }
        return vault.credentials.add(new Authenticated<>(caller, new AddCredential("alpaca", "paper", secrets))).block();
    }

    public void deleteCredential(Caller caller, UUID credentialId) {
        if (vault == null) {
            standIn.delete(credentialId);
        } else {
            vault.credentials.delete(new Authenticated<>(caller, credentialId)).block();
        }
    }

    /** Every stored bot, of every owner. */
    public long storedBots(UserId... owners) {
        return java.util.Arrays.stream(owners).mapToLong(owner -> store.count(owner).block()).sum();
    }

    /** Delivers every kept event of {@code type} to the manager, in the order published, and forgets them. */
    public void deliver(String type) {
        for (Event event : List.copyOf(events)) {
            if (event.type().equals(type)) {
                events.remove(event);
                manager.handle(event).block();
            }
        }
    }

    public List<Event> taken(String type) {
        List<Event> taken = events.stream().filter(event -> event.type().equals(type)).toList();
        events.removeAll(taken);
        return taken;
    }
}
