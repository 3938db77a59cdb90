package io.knag.identity;

import io.knag.kernel.Ids;
import io.knag.kernel.KnagException;
import io.knag.kernel.ProblemType;
import io.knag.kernel.Transactions;
import io.knag.kernel.UserId;
import io.knag.kernel.auth.Authenticated;
import io.knag.kernel.auth.Caller;
import io.knag.kernel.events.Event;
import io.knag.kernel.events.EventPublisher;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/** Registration, one's own account, password change and recovery. */
public final class Accounts {

    private static final Logger log = LoggerFactory.getLogger(Accounts.class);

    private final AccountStore accounts;
    private final SessionStore sessions;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final RecoveryCodeHasher recoveryCodes;
    private final EventPublisher events;
    private final Transactions transactions;
    private final Clock clock;

    public Accounts(AccountStore accounts, SessionStore sessions, PasswordHasher hasher, PasswordPolicy policy,
                    EventPublisher events, Transactions transactions, Clock clock) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.hasher = hasher;
        this.policy = policy;
        this.recoveryCodes = new RecoveryCodeHasher();
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    public Mono<Registered> register(Register command) {
        return Mono.fromRunnable(() -> policy.check(command.password(), command.email()))
                .then(accounts.findByEmail(command.email()))
                .flatMap(existing -> Mono.<Account>error(emailTaken()))
                .then(Mono.defer(() -> hasher.hash(command.password())))
                .flatMap(passwordHash -> {
                    String code = RecoveryCodes.generate();
                    Account account = new Account(new UserId(Ids.newId(clock)), command.email(), command.displayName(),
                            passwordHash, recoveryCodes.hash(code), clock.instant());
                    return accounts.insert(account)
                            .map(saved -> new Registered(saved.id().value(), saved.email(), saved.displayName(), code));
                })
                .doOnNext(registered -> log.info("account {} registered", registered.id()));
    }

    public Mono<AccountView> me(Caller caller) {
        return existing(caller.userId()).map(AccountView::of);
    }

    public Mono<AccountView> update(Authenticated<UpdateAccount> command) {
        return accounts.updateDisplayName(command.caller().userId(), command.request().displayName())
                .switchIfEmpty(Mono.error(Accounts::accountNotFound))
                .map(AccountView::of);
    }

    /** Deletes the account (its sessions go with it) and tells the other functions with {@code io.knag.user.deleted}. */
    public Mono<Void> delete(Authenticated<DeleteAccount> command) {
        UserId user = command.caller().userId();
        return existing(user)
                .flatMap(account -> confirm(account, command.request().password()))
                .flatMap(account -> accounts.delete(user))
                .then(Mono.defer(() -> events.publish(new Event(Ids.newId(clock), UserDeleted.TYPE, UserDeleted.SOURCE,
                        user.toString(), clock.instant(), new UserDeleted(user.value(), clock.instant())))))
                .doOnSuccess(done -> log.info("account {} deleted", user));
    }

    /** Sets a new password and ends every session, atomically. */
    public Mono<Void> changePassword(Authenticated<ChangePassword> command) {
        UserId user = command.caller().userId();
        ChangePassword request = command.request();
        return existing(user)
                .flatMap(account -> confirm(account, request.currentPassword()))
                .doOnNext(account -> policy.check(request.newPassword(), account.email()))
                .flatMap(account -> hasher.hash(request.newPassword()))
                .flatMap(hash -> transactions.inTransaction(() -> accounts.updatePasswordHash(user, hash)
                        .then(sessions.revokeAll(user, clock.instant()))))
                .doOnSuccess(done -> log.info("account {} changed its password", user));
    }

    /** With the recovery code: a new password, a new code, and every session ended. */
    public Mono<RecoveryCode> recover(Recover command) {
        return accounts.findByEmail(command.email())
                .filter(account -> recoveryCodes.matches(command.recoveryCode(), account.recoveryHash()))
                .switchIfEmpty(Mono.error(() -> new KnagException(IdentityProblems.INVALID_RECOVERY_CODE,
                        "Wrong email or recovery code")))
                .doOnNext(account -> policy.check(command.newPassword(), account.email()))
                .flatMap(account -> hasher.hash(command.newPassword()).flatMap(hash -> {
                    String code = RecoveryCodes.generate();
                    return transactions.inTransaction(() -> accounts.updateSecrets(account.id(), hash, recoveryCodes.hash(code))
                                    .then(sessions.revokeAll(account.id(), clock.instant())))
                            .thenReturn(new RecoveryCode(code))
                            .doOnSuccess(done -> log.info("account {} recovered", account.id()));
                }));
    }

    private Mono<Account> existing(UserId user) {
        return accounts.findById(user).switchIfEmpty(Mono.error(Accounts::accountNotFound));
    }

    private Mono<Account> confirm(Account account, String password) {
        return hasher.verify(password, account.passwordHash())
                .flatMap(ok -> ok ? Mono.just(account) : Mono.error(new KnagException(IdentityProblems.WRONG_PASSWORD,
                        "The password is not correct")));
    }

    private static KnagException emailTaken() {
        return new KnagException(IdentityProblems.EMAIL_TAKEN, "An account with this email already exists");
    }

    private static KnagException accountNotFound() {
        return new KnagException(ProblemType.NOT_FOUND, "The account no longer exists");
    }
}
