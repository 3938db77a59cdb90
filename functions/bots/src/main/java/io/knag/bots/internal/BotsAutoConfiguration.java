package io.knag.bots.internal;

import io.knag.bots.BotImages;
import io.knag.bots.BotLogs;
import io.knag.bots.BotLogsQuery;
import io.knag.bots.BotStartRequested;
import io.knag.bots.BotStatusChanged;
import io.knag.bots.BotStopRequested;
import io.knag.bots.BotView;
import io.knag.bots.CreateBot;
import io.knag.bots.DeleteOutcome;
import io.knag.bots.StartBot;
import io.knag.bots.StopBot;
import io.knag.bots.UpdateBot;
import io.knag.bots.application.BotCredentials;
import io.knag.bots.application.BotManager;
import io.knag.bots.application.BotStore;
import io.knag.bots.application.Bots;
import io.knag.bots.application.Convergence;
import io.knag.bots.application.LaunchReporting;
import io.knag.bots.application.Launches;
import io.knag.bots.application.Lifecycle;
import io.knag.bots.application.ManagerKey;
import io.knag.bots.domain.ImageAllowlist;
import io.knag.bots.domain.Quotas;
import io.knag.bots.reports.domain.ReportTokens;
import io.knag.bots.runtime.BotRuntime;
import io.knag.kernel.Transactions;
import io.knag.kernel.auth.Authenticated;
import io.knag.kernel.auth.Caller;
import io.knag.kernel.events.EventConsumer;
import io.knag.kernel.events.EventPublisher;
import io.knag.kernel.events.EventType;
import io.knag.kernel.persistence.SchemaMigration;
import io.knag.vault.CredentialView;
import io.knag.vault.LaunchEnvelope;
import io.knag.vault.OpenForLaunch;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Clock;
import java.util.List;
import java.util.Map;
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
 * The bots function (definitions, start and stop) and the bot manager (events in, runtime out), on R2DBC,
 * with the vault of this process and the runtime a runtime module provides.
 */
@AutoConfiguration(afterName = "io.knag.vault.internal.VaultAutoConfiguration")
@ConditionalOnBean({ConnectionFactory.class, BotRuntime.class})
@EnableConfigurationProperties(BotsProperties.class)
public class BotsAutoConfiguration {

    public static final SchemaMigration MIGRATION = new SchemaMigration("bots", "classpath:db/bots");

    @Bean
    SchemaMigration botsSchema() {
        return MIGRATION;
    }

    @Bean
    EventType botStartRequestedEvent() {
        return new EventType(BotStartRequested.TYPE, BotStartRequested.SOURCE, BotStartRequested.class);
    }

    @Bean
    EventType botStopRequestedEvent() {
        return new EventType(BotStopRequested.TYPE, BotStopRequested.SOURCE, BotStopRequested.class);
    }

    @Bean
    EventType botStatusChangedEvent() {
        return new EventType(BotStatusChanged.TYPE,
                java.util.Set.of(BotStatusChanged.SOURCE, BotStartRequested.SOURCE), BotStatusChanged.class);
    }

    @Bean
    BotStore botStore(ConnectionFactory connectionFactory) {
        return new R2dbcBotStore(DatabaseClient.create(connectionFactory));
    }

    @Bean
    ManagerKey botManagerKey(BotsProperties properties) {
        return properties.managerPrivateKey() == null || properties.managerPrivateKey().isBlank() ? ManagerKey.generate()
                : ManagerKey.fromBase64(properties.managerPrivateKey());
    }

    @Bean
    BotCredentials botCredentials(Function<Authenticated<UUID>, Mono<CredentialView>> getCredential,
                                  Function<OpenForLaunch, Mono<LaunchEnvelope>> openForLaunch) {
        return new VaultBotCredentials(getCredential, openForLaunch);
    }

    @Bean
    ImageAllowlist botImageAllowlist(BotsProperties properties) {
        return new ImageAllowlist(properties.imageAllowlist());
    }

    @Bean
    Quotas botQuotas(BotsProperties properties) {
        return new Quotas(properties.maxBots(), properties.maxRunning(), properties.maxCpuMillis(),
                properties.maxMemoryMib());
    }

    @Bean
    Lifecycle botLifecycle(BotStore store, BotRuntime runtime, EventPublisher publisher, Transactions transactions,
                           Clock clock) {
        return new Lifecycle(store, runtime, publisher, transactions, clock);
    }

    @Bean
    Bots bots(BotStore store, BotCredentials credentials, BotRuntime runtime, ImageAllowlist allowlist, Quotas quotas,
              Lifecycle lifecycle, Clock clock) {
        return new Bots(store, credentials, runtime, allowlist, quotas, lifecycle, clock);
    }

    @Bean
    Launches launches(BotStore store, BotCredentials credentials, Quotas quotas, ImageAllowlist allowlist,
                      ManagerKey key, Lifecycle lifecycle) {
        return new Launches(store, credentials, quotas, allowlist, key, lifecycle);
    }

    @Bean
    ReportTokens botReportTokens(ManagerKey key) {
        return new ReportTokens(key.derive("knag/bots/report-tokens"));
    }

    @Bean
    LaunchReporting botLaunchReporting(ReportTokens tokens, BotsProperties properties, Environment environment) {
        return new LaunchReporting(tokens, properties.reportTokenLifetime(), () -> properties.platformUrl() != null
                ? properties.platformUrl() : "http://127.0.0.1:" + environment.getProperty("local.server.port",
                environment.getProperty("server.port", "8080")), Map.of("paper", "/paper"));
    }

    @Bean
    BotManager botManager(BotStore store, BotRuntime runtime, ManagerKey key, LaunchReporting reporting,
                          Lifecycle lifecycle) {
        return new BotManager(store, runtime, key, reporting, lifecycle);
    }

    @Bean
    Convergence botConvergence(BotStore store, BotRuntime runtime, Lifecycle lifecycle, BotsProperties properties,
                               Clock clock) {
        return new Convergence(store, runtime, lifecycle, properties.launchTimeout(), clock);
    }

    @Bean
    BotManagerLifecycle botManagerLifecycle(Convergence convergence, BotRuntime runtime, BotStore store,
                                            BotsProperties properties, Clock clock) {
        return new BotManagerLifecycle(convergence, runtime, store, properties, clock);
    }

    @Bean
    EventConsumer botRequests(BotManager manager) {
        return new BotRequestsConsumer(manager);
    }

    @Bean
    EventConsumer botsUserDeleted(Bots bots) {
        return new UserDeletedConsumer(bots);
    }

    @Bean
    Function<Authenticated<CreateBot>, Mono<BotView>> createBot(Bots bots) {
        return bots::create;
    }

    @Bean
    Function<Caller, Mono<BotImages>> botImages(Bots bots) {
        return bots::images;
    }

    @Bean
    Function<Caller, Mono<List<BotView>>> listBots(Bots bots) {
        return bots::list;
    }

    @Bean
    Function<Authenticated<UUID>, Mono<BotView>> getBot(Bots bots) {
        return bots::get;
    }

    @Bean
    Function<Authenticated<UpdateBot>, Mono<BotView>> updateBot(Bots bots) {
        return bots::update;
    }

    @Bean
    Function<Authenticated<UUID>, Mono<DeleteOutcome>> deleteBot(Bots bots) {
        return bots::delete;
    }

    @Bean
    Function<Authenticated<StartBot>, Mono<BotView>> startBot(Launches launches) {
        return launches::start;
    }

    @Bean
    Function<Authenticated<StopBot>, Mono<BotView>> stopBot(Launches launches) {
        return launches::stop;
    }

    @Bean
    Function<Authenticated<BotLogsQuery>, Mono<BotLogs>> botLogs(Bots bots) {
        return bots::logs;
    }

    @Bean
    Function<Authenticated<UUID>, Mono<List<BotStatusChanged>>> botEvents(Bots bots) {
        return bots::history;
    }

    /**
     * One reconcile now: for hosts whose manager does not run between requests (a Lambda invoked by a schedule);
     * elsewhere the manager reconciles by itself every {@code knag.bots.reconcile-interval}.
     */
    @Bean
    java.util.function.Supplier<Mono<String>> reconcileBots(Convergence convergence) {
        return () -> convergence.reconcile().thenReturn("reconciled");
    }
}
