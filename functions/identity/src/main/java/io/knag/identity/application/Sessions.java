package io.knag.identity.application;

import io.knag.identity.Login;
import io.knag.identity.Logout;
import io.knag.identity.Refresh;
import io.knag.identity.TokenPair;
import io.knag.identity.domain.Account;
import io.knag.identity.domain.IdentityProblems;
import io.knag.identity.domain.RefreshToken;
import io.knag.kernel.Ids;
import io.knag.kernel.KnagException;
import io.knag.kernel.Transactions;
import io.knag.kernel.UserId;
import io.knag.kernel.crypto.Hashes;
import io.knag.kernel.crypto.Randoms;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Login, refresh and logout. A login starts a refresh-token family with an absolute expiry; each
 * refresh spends its token and issues the next one of the family; presenting a spent token again
 * revokes the whole family (OAuth 2.0 Security BCP).
 */
public final class Sessions {

    private static final Logger log = LoggerFactory.getLogger(Sessions.class);
    private static final int REFRESH_TOKEN_BYTES = 32;

    private final AccountStore accounts;
    private final SessionStore sessions;
    private final PasswordHasher hasher;
    private final AccessTokens accessTokens;
    private final Transactions transactions;
    private final Duration refreshTokenTtl;
    private final Clock clock;

    public Sessions(AccountStore accounts, SessionStore sessions, PasswordHasher hasher, AccessTokens accessTokens,
                    Transactions transactions, Duration refreshTokenTtl, Clock clock) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.hasher = hasher;
        this.accessTokens = accessTokens;
        this.transactions = transactions;
        this.refreshTokenTtl = refreshTokenTtl;
        this.clock = clock;
    }

    /**
     * Exactly one password verification whether or not the account exists: an unknown email is checked
     * against a dummy hash of the same cost, and both failures give the same answer.
     */
    public Mono<TokenPair> login(Login command) {
        return accounts.findByEmail(command.email())
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(found -> hasher.verify(command.password(),
                                found.map(Account::passwordHash).orElseGet(hasher::dummyHash))
                        .flatMap(matches -> {
                            if (matches && found.isPresent()) {
                                return rehashIfNeeded(found.get(), command.password());
                            }
                            log.info("login refused for {}", found.map(a -> "account " + a.id()).orElse("an unknown email"));
                            return Mono.error(new KnagException(IdentityProblems.INVALID_CREDENTIALS, "Wrong email or password"));
                        }))
                .flatMap(account -> start(account.id())
                        .doOnNext(pair -> log.info("account {} logged in", account.id())));
    }

    public Mono<TokenPair> refresh(Refresh command) {
        return sessions.findByHash(Hashes.sha256(command.refreshToken()))
                .switchIfEmpty(Mono.error(Sessions::invalidRefreshToken))
                .flatMap(this::spend);
    }

    /** Revokes the family of {@code command}'s token; an unknown token is already logged out. */
    public Mono<Void> logout(Logout command) {
        return sessions.findByHash(Hashes.sha256(command.refreshToken()))
                .flatMap(token -> sessions.revokeFamily(token.familyId(), clock.instant())
                        .doOnSuccess(done -> log.info("session family {} logged out", token.familyId())));
    }

    /** Starts a new refresh-token family for {@code user}, and forgets the user's expired ones. */
    Mono<TokenPair> start(UserId user) {
        Instant now = clock.instant();
        return sessions.deleteExpired(user, now).then(next(user, Ids.newId(clock), now.plus(refreshTokenTtl)));
    }

    /**
     * Spends {@code token} and issues the next of its family in one transaction. A token spent before,
     * or spent by a concurrent call, revokes the family; that revocation commits on its own.
     */
    private Mono<TokenPair> spend(RefreshToken token) {
        Instant now = clock.instant();
        if (token.spentOrRevoked()) {
            return revokeReused(token);
        }
        if (!token.expiresAt().isAfter(now)) {
            return Mono.error(invalidRefreshToken());
        }
        return transactions.inTransaction(() -> sessions.markRotated(token.id(), now)
                        .flatMap(spent -> spent
                                ? next(token.userId(), token.familyId(), token.expiresAt()).map(Optional::of)
                                : Mono.just(Optional.<TokenPair>empty())))
                .flatMap(pair -> pair.map(Mono::just).orElseGet(() -> revokeReused(token)));
    }

    private <T> Mono<T> revokeReused(RefreshToken token) {
        log.warn("refresh token reuse detected: family {} of user {} revoked", token.familyId(), token.userId());
        return sessions.revokeFamily(token.familyId(), clock.instant())
                .then(Mono.error(new KnagException(IdentityProblems.REFRESH_TOKEN_REUSED,
                        "This refresh token was already used, so every session of this login has been ended."
                                + " Log in again.")));
    }

    private Mono<TokenPair> next(UserId user, UUID familyId, Instant expiresAt) {
        String token = Randoms.token(REFRESH_TOKEN_BYTES);
        Instant now = clock.instant();
        RefreshToken stored = new RefreshToken(Ids.newId(clock), familyId, user, Hashes.sha256(token), now,
                expiresAt, null, null);
        return sessions.insert(stored)
                .then(accessTokens.issue(user))
                .map(access -> new TokenPair(access, token, "Bearer", accessTokens.ttlSeconds()));
    }

    private Mono<Account> rehashIfNeeded(Account account, String password) {
        if (!hasher.needsRehash(account.passwordHash())) {
            return Mono.just(account);
        }
        return hasher.hash(password)
                .flatMap(hash -> accounts.updatePasswordHash(account.id(), hash).thenReturn(account.withPasswordHash(hash)));
    }

    private static KnagException invalidRefreshToken() {
        return new KnagException(IdentityProblems.INVALID_REFRESH_TOKEN, "The refresh token is not valid or has expired");
    }
}
