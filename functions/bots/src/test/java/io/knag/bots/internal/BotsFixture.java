package io.knag.bots.internal;

import io.knag.bots.application.BotCredentials;
import io.knag.bots.application.BotManager;
import io.knag.bots.application.BotStore;
import io.knag.bots.application.Bots;
import io.knag.bots.application.Convergence;
import io.knag.bots.application.Launches;
import io.knag.bots.application.Lifecycle;
import io.knag.bots.application.ManagerKey;
import io.knag.bots.domain.ImageAllowlist;
import io.knag.bots.domain.Quotas;
import io.knag.identity.Register;
import io.knag.identity.Registered;
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
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * Identity, vault and bots wired by hand on one fresh real PostgreSQL database. Published events are kept in
 * {@link #events}, not delivered: each test hands them to the manager in the order it wants.
 */
public final class BotsFixture {

    public static final String PASSWORD = "alice's long passphrase";

    public final VaultFixture vault = new VaultFixture(BotsAutoConfiguration.MIGRATION);
    public final List<Event> events = new CopyOnWriteArrayList<>();
    public final EventPublisher publisher = event -> Mono.fromRunnable(() -> events.add(event));
    public final RecordingRuntime runtime = new RecordingRuntime();
    public final BotStore store = new R2dbcBotStore(DatabaseClient.create(vault.database.connectionFactory()));
    public final ManagerKey managerKey = ManagerKey.generate();
    public final ImageAllowlist allowlist = new ImageAllowlist(List.of("knag/heartbeat-bot", "ghcr.io/community/"));
    public final BotCredentials credentials = new VaultBotCredentials(
            command -> vault.credentials.get(command), vault.credentials::openForLaunch);
    public final Bots bots;
    public final Launches launches;
    public final BotManager manager;
    public final Convergence convergence;
    public final Lifecycle lifecycle;

    public BotsFixture() {
        this(new Quotas(20, 5, 4000, 4096));
    }

    public final io.knag.bots.reports.domain.ReportTokens reportTokens =
            new io.knag.bots.reports.domain.ReportTokens(managerKey.derive("knag/bots/report-tokens"));
    public final io.knag.bots.application.LaunchReporting reporting = new io.knag.bots.application.LaunchReporting(reportTokens,
            Duration.ofDays(30), () -> "http://127.0.0.1:8080", java.util.Map.of("paper", "/paper"));

    public BotsFixture(Quotas quotas) {
        lifecycle = lifecycle(publisher);
        bots = new Bots(store, credentials, runtime, allowlist, quotas, lifecycle, vault.clock);
        launches = new Launches(store, credentials, quotas, allowlist, managerKey, lifecycle);
        manager = new BotManager(store, runtime, managerKey, reporting, lifecycle);
        convergence = new Convergence(store, runtime, lifecycle, Duration.ofMinutes(5), vault.clock);
    }

    /** The same use cases after an operator changed the allowlist. */
    public Launches launchesAllowing(String... images) {
        return new Launches(store, credentials, new Quotas(20, 5, 4000, 4096), new ImageAllowlist(List.of(images)),
                managerKey, lifecycle);
    }

    /** The bots' lifecycle on this database and runtime, publishing to {@code to}. */
    public Lifecycle lifecycle(EventPublisher to) {
        return new Lifecycle(store, runtime, to, vault.identity.transactions, vault.clock);
    }

    public Caller register(String email, String password) {
        Registered registered = vault.identity.accounts.register(new Register(email, password, "Someone")).block();
        return new Caller(new UserId(registered.id()), "token-" + email, Instant.now().plusSeconds(900));
    }

    public CredentialView addCredential(Caller caller, Map<String, String> secrets) {
        return vault.credentials.add(new Authenticated<>(caller, new AddCredential("alpaca", "paper", secrets))).block();
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
