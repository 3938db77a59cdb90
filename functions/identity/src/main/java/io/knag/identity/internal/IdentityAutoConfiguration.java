package io.knag.identity.internal;

import io.knag.identity.AccountReset;
import io.knag.identity.AccountView;
import io.knag.identity.ChangePassword;
import io.knag.identity.DeleteAccount;
import io.knag.identity.Login;
import io.knag.identity.Logout;
import io.knag.identity.Recover;
import io.knag.identity.RecoveryCode;
import io.knag.identity.Refresh;
import io.knag.identity.Register;
import io.knag.identity.Registered;
import io.knag.identity.ResetAccount;
import io.knag.identity.TokenPair;
import io.knag.identity.UpdateAccount;
import io.knag.identity.application.AccessTokens;
import io.knag.identity.application.AccountStore;
import io.knag.identity.application.Accounts;
import io.knag.identity.application.PasswordHasher;
import io.knag.identity.application.SessionStore;
import io.knag.identity.application.Sessions;
import io.knag.identity.application.SigningKeys;
import io.knag.identity.application.VaultKeyring;
import io.knag.identity.domain.PasswordPolicy;
import io.knag.kernel.Transactions;
import io.knag.kernel.auth.Authenticated;
import io.knag.kernel.auth.Caller;
import io.knag.kernel.auth.TokenSettings;
import io.knag.kernel.crypto.Argon2Parameters;
import io.knag.kernel.crypto.BoundedWork;
import io.knag.kernel.crypto.SecretKeyBox;
import io.knag.kernel.events.EventPublisher;
import io.knag.kernel.persistence.SchemaMigration;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Clock;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/** The identity function: its use cases on R2DBC, exposed as named Spring Cloud Function beans. */
@AutoConfiguration(afterName = "io.knag.kernel.internal.KernelAutoConfiguration")
@ConditionalOnBean({ConnectionFactory.class, Transactions.class})
@EnableConfigurationProperties(IdentityProperties.class)
public class IdentityAutoConfiguration {

    public static final SchemaMigration MIGRATION = new SchemaMigration("identity", "classpath:db/identity");

    /** {@code io.knag.user.deleted}: made here, consumed by the vault and the bots. */
    @Bean
    io.knag.kernel.events.EventType userDeletedEvent() {
        return new io.knag.kernel.events.EventType(io.knag.identity.UserDeleted.TYPE, io.knag.identity.UserDeleted.SOURCE,
                io.knag.identity.UserDeleted.class);
    }

    @Bean
    SchemaMigration identitySchema() {
        return MIGRATION;
    }

    /** The one bound on memory-hard work in this process: login hashes and vault keys share it. */
    @Bean
    @ConditionalOnMissingBean
    BoundedWork memoryHardWork(IdentityProperties properties) {
        IdentityProperties.Argon2 argon2 = properties.argon2();
        return new BoundedWork(argon2.concurrency(), argon2.maxWaiting(), argon2.maxWait());
    }

    @Bean
    Argon2Parameters argon2Parameters(IdentityProperties properties) {
        IdentityProperties.Argon2 argon2 = properties.argon2();
        return new Argon2Parameters(argon2.memoryKib(), argon2.iterations(), argon2.parallelism());
    }

    @Bean
    PasswordHasher passwordHasher(Argon2Parameters parameters, BoundedWork memoryHardWork) {
        return new Argon2idPasswordHasher(parameters, memoryHardWork);
    }

    @Bean
    AccountStore accountStore(ConnectionFactory connectionFactory, Clock clock) {
        return new R2dbcAccountStore(DatabaseClient.create(connectionFactory), clock);
    }

    @Bean
    SessionStore sessionStore(ConnectionFactory connectionFactory) {
        return new R2dbcSessionStore(DatabaseClient.create(connectionFactory));
    }

    @Bean
    SigningKeys signingKeys(ConnectionFactory connectionFactory, Transactions transactions, IdentityProperties properties,
                            TokenSettings settings, Clock clock) {
        var store = new R2dbcSigningKeyStore(DatabaseClient.create(connectionFactory), transactions, clock);
        return new SigningKeys(store, SecretKeyBox.fromBase64(properties.keyEncryptionKey()), settings,
                properties.signingKeyRotation(), clock);
    }

    @Bean
    Accounts accounts(AccountStore accountStore, SessionStore sessionStore, PasswordHasher hasher,
                      ObjectProvider<VaultKeyring> vault, EventPublisher events, Transactions transactions, Clock clock) {
        return new Accounts(accountStore, sessionStore, hasher, new PasswordPolicy(),
                vault.getIfAvailable(() -> VaultKeyring.NONE), events, transactions, clock);
    }

    @Bean
    Sessions sessions(AccountStore accountStore, SessionStore sessionStore, PasswordHasher hasher, SigningKeys keys,
                      TokenSettings settings, Transactions transactions, IdentityProperties properties, Clock clock) {
        return new Sessions(accountStore, sessionStore, hasher, new AccessTokens(keys, settings, clock), transactions,
                properties.refreshTokenTtl(), clock);
    }

    @Bean
    Function<Register, Mono<Registered>> register(Accounts accounts) {
        return accounts::register;
    }

    @Bean
    Function<Login, Mono<TokenPair>> login(Sessions sessions) {
        return sessions::login;
    }

    @Bean
    Function<Refresh, Mono<TokenPair>> refresh(Sessions sessions) {
        return sessions::refresh;
    }

    @Bean
    Function<Logout, Mono<Void>> logout(Sessions sessions) {
        return sessions::logout;
    }

    @Bean
    Function<Recover, Mono<RecoveryCode>> recover(Accounts accounts) {
        return accounts::recover;
    }

    @Bean
    Function<Caller, Mono<AccountView>> me(Accounts accounts) {
        return accounts::me;
    }

    @Bean
    Function<Authenticated<UpdateAccount>, Mono<AccountView>> updateMe(Accounts accounts) {
        return accounts::update;
    }

    @Bean
    Function<Authenticated<DeleteAccount>, Mono<Void>> deleteMe(Accounts accounts) {
        return accounts::delete;
    }

    @Bean
    Function<Authenticated<ChangePassword>, Mono<Void>> changePassword(Accounts accounts) {
        return accounts::changePassword;
    }

    /** Operator only (./knag reset-account): never routed over HTTP. */
    @Bean
    Function<ResetAccount, Mono<AccountReset>> resetAccount(Accounts accounts) {
        return accounts::reset;
    }

    @Bean
    Supplier<Mono<Map<String, Object>>> jwks(SigningKeys keys) {
        return keys::jwks;
    }

    @Bean
    Supplier<Mono<String>> rotateSigningKey(SigningKeys keys) {
        return keys::rotate;
    }
}
