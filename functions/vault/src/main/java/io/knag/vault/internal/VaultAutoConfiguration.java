package io.knag.vault.internal;

import io.knag.kernel.auth.Authenticated;
import io.knag.kernel.auth.Caller;
import io.knag.kernel.crypto.Argon2Parameters;
import io.knag.kernel.crypto.BoundedWork;
import io.knag.kernel.events.EventConsumer;
import io.knag.kernel.persistence.SchemaMigration;
import io.knag.vault.AddCredential;
import io.knag.vault.Broker;
import io.knag.vault.CredentialView;
import io.knag.vault.LaunchEnvelope;
import io.knag.vault.OpenForLaunch;
import io.knag.vault.RotateCredential;
import io.knag.vault.application.CredentialStore;
import io.knag.vault.application.Credentials;
import io.knag.vault.application.KeyProbe;
import io.knag.vault.application.VaultKeyStore;
import io.knag.vault.application.VaultKeys;
import io.knag.vault.domain.AttemptPolicy;
import io.knag.vault.domain.Brokers;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.util.ClassUtils;
import reactor.core.publisher.Mono;

/** The vault function: its use cases on R2DBC, exposed as named Spring Cloud Function beans. */
@AutoConfiguration(afterName = "io.knag.identity.internal.IdentityAutoConfiguration")
@ConditionalOnBean({ConnectionFactory.class, BoundedWork.class})
@EnableConfigurationProperties(VaultProperties.class)
public class VaultAutoConfiguration {

    public static final SchemaMigration MIGRATION = new SchemaMigration("vault", "classpath:db/vault");

    @Bean
    SchemaMigration vaultSchema() {
        return MIGRATION;
    }

    @Bean
    VaultKeyStore vaultKeyStore(ConnectionFactory connectionFactory) {
        return new R2dbcVaultKeyStore(DatabaseClient.create(connectionFactory));
    }

    @Bean
    CredentialStore credentialStore(ConnectionFactory connectionFactory) {
        return new R2dbcCredentialStore(DatabaseClient.create(connectionFactory));
    }

    @Bean
    VaultKeys vaultKeys(VaultKeyStore keyStore, CredentialStore credentialStore, Argon2Parameters parameters,
                        BoundedWork memoryHardWork, VaultProperties properties, Clock clock) {
        return new VaultKeys(keyStore, credentialStore, parameters, memoryHardWork,
                new AttemptPolicy(properties.maxFailedAttempts(), properties.firstLock(), properties.longestLock()), clock);
    }

    /**
     * Brokers whose keys are checked before they are stored: {@code knag.vault.probe-urls.<broker>} (an empty value
     * turns one off); the paper exchange of this host when it has one and none is configured.
     */
    @Bean
    KeyProbe keyProbe(VaultProperties properties, Environment environment, Clock clock) {
        Map<String, Supplier<String>> urls = new HashMap<>();
        if (properties.probeUrls() != null) {
            properties.probeUrls().forEach((broker, url) -> {
                if (url != null && !url.isBlank()) {
                    urls.put(broker, () -> url);
                }
            });
        }
        if ((properties.probeUrls() == null || !properties.probeUrls().containsKey("paper"))
                && environment.getProperty("knag.http.paper", Boolean.class, true)
                && ClassUtils.isPresent("io.knag.paper.application.PaperExchange", getClass().getClassLoader())) {
            urls.put("paper", () -> "http://127.0.0.1:" + environment.getProperty("local.server.port",
                    environment.getProperty("server.port", "8080")) + "/paper");
        }
        return urls.isEmpty() ? KeyProbe.NONE : new ApiRestrictionsProbe(urls, properties.probeTimeout(), clock);
    }

    @Bean
    Credentials credentials(CredentialStore credentialStore, VaultKeyStore keyStore, VaultKeys vaultKeys,
                            VaultProperties properties, KeyProbe probe, Clock clock) {
        return new Credentials(credentialStore, keyStore, vaultKeys, Brokers.load(), properties.maxCredentials(), probe, clock);
    }

    @Bean
    EventConsumer vaultUserDeleted(Credentials credentials) {
        return new UserDeletedConsumer(credentials);
    }

    @Bean
    Function<Authenticated<AddCredential>, Mono<CredentialView>> addCredential(Credentials credentials) {
        return credentials::add;
    }

    @Bean
    Function<Caller, Mono<List<CredentialView>>> listCredentials(Credentials credentials) {
        return caller -> credentials.list(caller.userId());
    }

    @Bean
    Function<Authenticated<UUID>, Mono<CredentialView>> getCredential(Credentials credentials) {
        return credentials::get;
    }

    @Bean
    Function<Authenticated<RotateCredential>, Mono<CredentialView>> rotateCredential(Credentials credentials) {
        return credentials::rotate;
    }

    @Bean
    Function<Authenticated<UUID>, Mono<Void>> deleteCredential(Credentials credentials) {
        return credentials::delete;
    }

    @Bean
    Supplier<Mono<List<Broker>>> listBrokers(Credentials credentials) {
        return () -> Mono.just(credentials.brokers());
    }

    /** Internal: called by the bots function to launch a bot, never routed over HTTP. */
    @Bean
    Function<OpenForLaunch, Mono<LaunchEnvelope>> openForLaunch(Credentials credentials) {
        return credentials::openForLaunch;
    }

}
