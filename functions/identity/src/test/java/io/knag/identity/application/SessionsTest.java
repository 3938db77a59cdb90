package io.knag.identity.application;

import io.knag.identity.Login;
import io.knag.identity.Logout;
import io.knag.identity.Refresh;
import io.knag.identity.Register;
import io.knag.identity.Registered;
import io.knag.identity.TokenPair;
import io.knag.identity.domain.IdentityProblems;
import io.knag.identity.internal.IdentityFixture;
import io.knag.kernel.KnagException;
import io.knag.kernel.ProblemType;
import io.knag.kernel.auth.Caller;
import io.knag.kernel.crypto.Argon2Parameters;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SessionsTest {

    static final String PASSWORD = "correct horse battery";

    IdentityFixture identity;
    Registered alice;

    @BeforeEach
    void registerAlice() {
        identity = new IdentityFixture();
        alice = identity.accounts.register(new Register("alice@example.com", PASSWORD, "Alice")).block();
    }

    @Test
    void loginIssuesAVerifiableAccessTokenAndARefreshToken() {
        TokenPair pair = login();
        assertThat(pair.tokenType()).isEqualTo("Bearer");
        assertThat(pair.expiresIn()).isEqualTo(900);
        assertThat(pair.refreshToken()).hasSizeGreaterThanOrEqualTo(43);
        Caller caller = identity.verifier.verify(pair.accessToken()).block();
        assertThat(caller.userId().value()).isEqualTo(alice.id());
    }

    @Test
    void emailIsMatchedCaseInsensitively() {
        assertThat(identity.sessions.login(new Login("ALICE@example.com", PASSWORD)).block()).isNotNull();
    }

    @Test
    void wrongPasswordAndUnknownEmailGetTheSameAnswerForTheSameWork() {
        identity.hasher.verifications.set(0);
        assertProblem(() -> identity.sessions.login(new Login("alice@example.com", "wrong password")).block(),
                IdentityProblems.INVALID_CREDENTIALS);
        assertThat(identity.hasher.verifications).as("verifications for a wrong password").hasValue(1);
        assertProblem(() -> identity.sessions.login(new Login("nobody@example.com", PASSWORD)).block(),
                IdentityProblems.INVALID_CREDENTIALS);
        assertThat(identity.hasher.verifications).as("verifications for an unknown email too").hasValue(2);
        login();
        assertThat(identity.hasher.verifications).as("and for a right one").hasValue(3);
        assertThat(identity.hasher.hashes).as("no rehash with current parameters").hasValue(1);
    }

    @Test
    void refreshRotatesTheTokenAndStoresOnlyHashes() {
        TokenPair first = login();
        TokenPair second = identity.sessions.refresh(new Refresh(first.refreshToken())).block();
        assertThat(second.refreshToken()).isNotEqualTo(first.refreshToken());
        assertThat(identity.verifier.verify(second.accessToken()).block()).isNotNull();
        String stored = identity.database.dump("identity");
        assertThat(stored).doesNotContain(first.refreshToken()).doesNotContain(second.refreshToken())
                .doesNotContain(PASSWORD);
    }

    @Test
    void reusedRefreshTokenRevokesFamily() {
        TokenPair first = login();
        TokenPair second = identity.sessions.refresh(new Refresh(first.refreshToken())).block();
        TokenPair otherLogin = login();

        assertProblem(() -> identity.sessions.refresh(new Refresh(first.refreshToken())).block(),
                IdentityProblems.REFRESH_TOKEN_REUSED);
        assertProblem(() -> identity.sessions.refresh(new Refresh(second.refreshToken())).block(),
                IdentityProblems.REFRESH_TOKEN_REUSED);
        assertThat(identity.sessions.refresh(new Refresh(otherLogin.refreshToken())).block())
                .as("another login's family is untouched").isNotNull();
    }

    @Test
    void concurrentUseOfOneRefreshTokenLetsExactlyOneThrough() {
        TokenPair pair = login();
        List<Object> outcomes = Flux.range(0, 4)
                .flatMap(i -> identity.sessions.refresh(new Refresh(pair.refreshToken())).map(p -> (Object) p)
                        .onErrorResume(KnagException.class, Mono::just)
                        .subscribeOn(Schedulers.parallel()))
                .collectList().block();
        assertThat(outcomes).filteredOn(TokenPair.class::isInstance).hasSize(1);
        assertThat(outcomes).filteredOn(KnagException.class::isInstance).hasSize(3);
    }

    @Test
    void refreshTokensExpireAbsolutelyEvenWhenRotated() {
        TokenPair pair = login();
        identity.clock.advance(Duration.ofDays(29));
        TokenPair rotated = identity.sessions.refresh(new Refresh(pair.refreshToken())).block();
        identity.clock.advance(Duration.ofDays(2));
        assertProblem(() -> identity.sessions.refresh(new Refresh(rotated.refreshToken())).block(),
                IdentityProblems.INVALID_REFRESH_TOKEN);
    }

    @Test
    void expiredTokensAreForgottenAtTheNextLogin() {
        login();
        identity.clock.advance(Duration.ofDays(31));
        login();
        assertThat(identity.database.query("SELECT count(*) FROM identity.refresh_tokens").get(0).get(0)).isEqualTo("1");
    }

    @Test
    void unknownRefreshTokenIsInvalid() {
        assertProblem(() -> identity.sessions.refresh(new Refresh("made-up-token")).block(),
                IdentityProblems.INVALID_REFRESH_TOKEN);
    }

    @Test
    void logoutRevokesTheFamilyAndIsIdempotent() {
        TokenPair pair = login();
        identity.sessions.logout(new Logout(pair.refreshToken())).block();
        identity.sessions.logout(new Logout(pair.refreshToken())).block();
        identity.sessions.logout(new Logout("never-issued")).block();
        assertProblem(() -> identity.sessions.refresh(new Refresh(pair.refreshToken())).block(),
                IdentityProblems.REFRESH_TOKEN_REUSED);
    }

    @Test
    void accessTokensExpireAfterFifteenMinutes() {
        TokenPair pair = login();
        identity.clock.advance(Duration.ofMinutes(16));
        assertThatThrownBy(() -> identity.verifier.verify(pair.accessToken()).block())
                .isInstanceOfSatisfying(KnagException.class,
                        e -> assertThat(e.type()).isEqualTo(ProblemType.INVALID_TOKEN));
    }

    @Test
    void loginRehashesAPasswordHashedWithOldParameters() {
        identity.database.query("UPDATE identity.accounts SET password_hash = ? WHERE id = ? RETURNING id",
                identity.hashedWithOldParameters(PASSWORD), alice.id());
        login();
        String stored = identity.database.query("SELECT password_hash FROM identity.accounts").get(0).get(0);
        assertThat(stored).startsWith("$argon2id$v=19$m=256,t=1,p=1$");
    }

    private TokenPair login() {
        return identity.sessions.login(new Login("alice@example.com", PASSWORD)).block();
    }

    static void assertProblem(Runnable call, ProblemType type) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(KnagException.class,
                e -> assertThat(e.type()).isEqualTo(type));
    }
}
