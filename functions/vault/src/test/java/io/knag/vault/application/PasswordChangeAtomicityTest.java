package io.knag.vault.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.knag.identity.ChangePassword;
import io.knag.identity.Login;
import io.knag.identity.Register;
import io.knag.identity.Registered;
import io.knag.kernel.KnagException;
import io.knag.kernel.UserId;
import io.knag.kernel.auth.Authenticated;
import io.knag.kernel.auth.Caller;
import io.knag.kernel.crypto.HpkeBox;
import io.knag.vault.AddCredential;
import io.knag.vault.CredentialView;
import io.knag.vault.OpenForLaunch;
import io.knag.vault.internal.VaultFixture;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Whatever fails during a password change, the password that logs a person in is the one that opens
 * their vault; and two changes at once end in one consistent state.
 */
class PasswordChangeAtomicityTest {

    static final String OLD = "the old passphrase";
    static final String NEW = "the new passphrase";

    VaultFixture vault;
    Caller caller;
    CredentialView credential;
    final byte[][] botManager = HpkeBox.standard().generateKeyPair();

    @BeforeEach
    void setUp() {
        vault = new VaultFixture();
        Registered alice = vault.identity.accounts.register(new Register("alice@example.com", OLD, "Alice")).block();
        caller = new Caller(new UserId(alice.id()), "t", Instant.now().plusSeconds(600));
        credential = vault.credentials.add(new Authenticated<>(caller,
                new AddCredential("binance", "main", Map.of("apiKey", "K", "apiSecret", "S")))).block();
        vault.identity.sessions.login(new Login("alice@example.com", OLD)).block();
    }

    /** A PostgreSQL trigger makes one step of the change fail for real, after the steps before it ran. */
    @ParameterizedTest(name = "failure at {0}")
    @ValueSource(strings = {"vault.keys", "identity.accounts", "identity.refresh_tokens"})
    void aFailureAtAnyStepLeavesTheOldPasswordOpeningBoth(String failingTable) {
        vault.database.execute("CREATE FUNCTION injected_failure() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'injected';"
                + " END $$ LANGUAGE plpgsql");
        vault.database.execute("CREATE TRIGGER fail BEFORE UPDATE ON " + failingTable
                + " FOR EACH STATEMENT EXECUTE FUNCTION injected_failure()");

        assertThatThrownBy(() -> change(OLD, NEW).block()).isNotNull();

        assertThat(logsIn(OLD)).isTrue();
        assertThat(opens(OLD)).isTrue();
        assertThat(logsIn(NEW)).isFalse();
        assertThat(opens(NEW)).isFalse();
    }

    @Test
    void withoutFailuresTheNewPasswordOpensBoth() {
        change(OLD, NEW).block();
        assertThat(logsIn(NEW)).isTrue();
        assertThat(opens(NEW)).isTrue();
        assertThat(logsIn(OLD)).isFalse();
        assertThat(opens(OLD)).isFalse();
    }

    @Test
    void twoConcurrentChangesEndInOneConsistentState() {
        List<Object> outcomes = Flux.just("first new passphrase", "second new passphrase")
                .flatMap(next -> change(OLD, next).thenReturn((Object) next)
                        .onErrorResume(KnagException.class, Mono::just)
                        .subscribeOn(Schedulers.parallel()))
                .collectList().block();

        List<Object> winners = outcomes.stream().filter(String.class::isInstance).toList();
        assertThat(winners).hasSize(1);
        assertThat(outcomes).filteredOn(KnagException.class::isInstance).hasSize(1);
        String winner = (String) winners.get(0);
        assertThat(logsIn(winner)).isTrue();
        assertThat(opens(winner)).isTrue();
        assertThat(logsIn(OLD)).isFalse();
        assertThat(opens(OLD)).isFalse();
    }

    private Mono<Void> change(String from, String to) {
        return vault.identity.accounts.changePassword(new Authenticated<>(caller, new ChangePassword(from, to)));
    }

    private boolean logsIn(String password) {
        return vault.identity.sessions.login(new Login("alice@example.com", password)).map(pair -> true)
                .onErrorReturn(false).block();
    }

    private boolean opens(String password) {
        return vault.credentials.openForLaunch(new OpenForLaunch(caller.userId(), password, credential.id(),
                UUID.randomUUID(), botManager[1])).map(envelope -> true).onErrorReturn(false).block();
    }
}
