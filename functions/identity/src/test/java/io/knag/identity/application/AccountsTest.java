package io.knag.identity.application;

import static io.knag.identity.application.SessionsTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.knag.identity.AccountView;
import io.knag.identity.ChangePassword;
import io.knag.identity.DeleteAccount;
import io.knag.identity.Login;
import io.knag.identity.Recover;
import io.knag.identity.RecoveryCode;
import io.knag.identity.Refresh;
import io.knag.identity.Register;
import io.knag.identity.Registered;
import io.knag.identity.TokenPair;
import io.knag.identity.UpdateAccount;
import io.knag.identity.UserDeleted;
import io.knag.identity.domain.IdentityProblems;
import io.knag.identity.internal.IdentityFixture;
import io.knag.kernel.ProblemType;
import io.knag.kernel.UserId;
import io.knag.kernel.auth.Authenticated;
import io.knag.kernel.auth.Caller;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AccountsTest {

    static final String PASSWORD = "correct horse battery";

    IdentityFixture identity;
    Registered alice;
    Caller aliceCaller;

    @BeforeEach
    void registerAlice() {
        identity = new IdentityFixture();
        alice = identity.accounts.register(new Register("Alice@Example.com", PASSWORD, "Alice")).block();
        aliceCaller = new Caller(new UserId(alice.id()), "jti", Instant.now().plusSeconds(60));
    }

    @Test
    void registrationStoresHashesNeverTheSecrets() {
        assertThat(alice.email()).isEqualTo("alice@example.com");
        assertThat(alice.recoveryCode()).hasSize(29);
        String stored = identity.database.dump("identity");
        assertThat(stored).contains("alice@example.com").contains("$argon2id$v=19$")
                .doesNotContain(PASSWORD).doesNotContain(alice.recoveryCode())
                .doesNotContain(alice.recoveryCode().replace("-", ""));
    }

    @Test
    void duplicateRegistrationIsRefusedWhateverTheCase() {
        assertProblem(() -> identity.accounts.register(new Register("ALICE@example.com", "another fine pass", "A2"))
                .block(), IdentityProblems.EMAIL_TAKEN);
        assertThat(identity.database.query("SELECT count(*) FROM identity.accounts").get(0).get(0)).isEqualTo("1");
    }

    @Test
    void weakPasswordsAreRefusedAndNothingIsStored() {
        assertProblem(() -> identity.accounts.register(new Register("bob@example.com", "password", "Bob")).block(),
                IdentityProblems.WEAK_PASSWORD);
        assertProblem(() -> identity.accounts.register(new Register("bob@example.com", "x".repeat(1_000_000), "Bob"))
                .block(), IdentityProblems.WEAK_PASSWORD);
        assertThat(identity.database.query("SELECT count(*) FROM identity.accounts").get(0).get(0)).isEqualTo("1");
    }

    @Test
    void ownerSeesAndRenamesTheirAccount() {
        AccountView view = identity.accounts.me(aliceCaller).block();
        assertThat(view.email()).isEqualTo("alice@example.com");
        assertThat(view.displayName()).isEqualTo("Alice");
        AccountView renamed = identity.accounts.update(new Authenticated<>(aliceCaller, new UpdateAccount("Alice T."))).block();
        assertThat(renamed.displayName()).isEqualTo("Alice T.");
        assertThat(identity.accounts.me(aliceCaller).block().displayName()).isEqualTo("Alice T.");
    }

    @Test
    void changingThePasswordNeedsTheCurrentOneAndEndsEverySession() {
        TokenPair session = identity.sessions.login(new Login("alice@example.com", PASSWORD)).block();
        assertProblem(() -> identity.accounts.changePassword(
                new Authenticated<>(aliceCaller, new ChangePassword("wrong one!", "a brand new passphrase"))).block(),
                IdentityProblems.WRONG_PASSWORD);
        assertProblem(() -> identity.accounts.changePassword(
                new Authenticated<>(aliceCaller, new ChangePassword(PASSWORD, "password"))).block(),
                IdentityProblems.WEAK_PASSWORD);
        assertThat(identity.sessions.login(new Login("alice@example.com", PASSWORD)).block()).isNotNull();

        identity.accounts.changePassword(
                new Authenticated<>(aliceCaller, new ChangePassword(PASSWORD, "a brand new passphrase"))).block();

        assertProblem(() -> identity.sessions.login(new Login("alice@example.com", PASSWORD)).block(),
                IdentityProblems.INVALID_CREDENTIALS);
        assertThat(identity.sessions.login(new Login("alice@example.com", "a brand new passphrase")).block()).isNotNull();
        assertProblem(() -> identity.sessions.refresh(new Refresh(session.refreshToken())).block(),
                IdentityProblems.REFRESH_TOKEN_REUSED);
    }

    @Test
    void deletionNeedsThePasswordThenErasesTheAccountAndTellsTheOthers() {
        TokenPair session = identity.sessions.login(new Login("alice@example.com", PASSWORD)).block();
        assertProblem(() -> identity.accounts.delete(new Authenticated<>(aliceCaller, new DeleteAccount("not it at all")))
                .block(), IdentityProblems.WRONG_PASSWORD);
        assertThat(identity.events).isEmpty();

        identity.accounts.delete(new Authenticated<>(aliceCaller, new DeleteAccount(PASSWORD))).block();

        assertThat(identity.database.query("SELECT count(*) FROM identity.accounts").get(0).get(0)).isEqualTo("0");
        assertThat(identity.database.query("SELECT count(*) FROM identity.refresh_tokens").get(0).get(0)).isEqualTo("0");
        assertThat(identity.events).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo("io.knag.user.deleted");
            assertThat(event.source()).isEqualTo("/knag/identity");
            assertThat(event.subject()).isEqualTo(alice.id().toString());
            assertThat(((UserDeleted) event.data()).userId()).isEqualTo(alice.id());
        });
        assertProblem(() -> identity.accounts.me(aliceCaller).block(), ProblemType.NOT_FOUND);
        assertProblem(() -> identity.sessions.refresh(new Refresh(session.refreshToken())).block(),
                IdentityProblems.INVALID_REFRESH_TOKEN);
    }

    @Test
    void recoveryCodeSetsANewPasswordOnceAndIssuesANewCode() {
        TokenPair session = identity.sessions.login(new Login("alice@example.com", PASSWORD)).block();
        String lowerCaseNoDashes = alice.recoveryCode().toLowerCase().replace("-", "");
        RecoveryCode next = identity.accounts.recover(
                new Recover("alice@example.com", lowerCaseNoDashes, "recovered passphrase")).block();

        assertThat(next.recoveryCode()).isNotEqualTo(alice.recoveryCode());
        assertThat(identity.sessions.login(new Login("alice@example.com", "recovered passphrase")).block()).isNotNull();
        assertProblem(() -> identity.sessions.refresh(new Refresh(session.refreshToken())).block(),
                IdentityProblems.REFRESH_TOKEN_REUSED);
        assertProblem(() -> identity.accounts.recover(
                new Recover("alice@example.com", alice.recoveryCode(), "yet another passphrase")).block(),
                IdentityProblems.INVALID_RECOVERY_CODE);
    }

    @Test
    void wrongRecoveryCodeOrUnknownEmailChangeNothing() {
        String before = identity.database.dump("identity");
        assertProblem(() -> identity.accounts.recover(
                new Recover("alice@example.com", "00000-00000-00000-00000-00000", "recovered passphrase")).block(),
                IdentityProblems.INVALID_RECOVERY_CODE);
        assertProblem(() -> identity.accounts.recover(
                new Recover("nobody@example.com", alice.recoveryCode(), "recovered passphrase")).block(),
                IdentityProblems.INVALID_RECOVERY_CODE);
        assertThat(identity.database.dump("identity")).isEqualTo(before);
    }
}
