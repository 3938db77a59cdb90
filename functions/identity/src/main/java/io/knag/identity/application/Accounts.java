package io.knag.identity.application;

import io.knag.identity.AccountReset;
import io.knag.identity.AccountView;
import io.knag.identity.ChangePassword;
import io.knag.identity.DeleteAccount;
import io.knag.identity.Recover;
import io.knag.identity.RecoveryCode;
import io.knag.identity.Register;
import io.knag.identity.Registered;
import io.knag.identity.ResetAccount;
import io.knag.identity.UpdateAccount;
import io.knag.identity.UserDeleted;
import io.knag.identity.domain.Account;
import io.knag.identity.domain.IdentityProblems;
import io.knag.identity.domain.PasswordPolicy;
import io.knag.identity.domain.RecoveryCodes;
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

/**
 * Registration, one's own account, password change and recovery. Every change of the login secrets runs
 * in one transaction with the matching change of the vault key ({@link VaultKeyring}), on a locked
 * account row: a failure anywhere rolls both back, and concurrent changes run one after the other.
 */
public final class Accounts {

    private static final Logger log = LoggerFactory.getLogger(Accounts.class);

    private final AccountStore accounts;
    private final SessionStore sessions;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final VaultKeyring vault;
    private final RecoveryCodeHasher recoveryCodes = new RecoveryCodeHasher();
    private final EventPublisher events;
    private final Transactions transactions;
    private final Clock clock;

    public Accounts(AccountStore accounts, SessionStore sessions, PasswordHasher hasher, PasswordPolicy policy,
                    VaultKeyring vault, EventPublisher events, Transactions transactions, Clock clock) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.hasher = hasher;
        this.policy = policy;
        this.vault = vault;
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
                    return transactions.inTransaction(() -> accounts.insert(account)
                                    .flatMap(saved -> vault.create(saved.id(), command.password(), code).thenReturn(saved)))
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

    /** A new password, the vault key re-wrapped to it, and every session ended: all or nothing. */
    public Mono<Void> changePassword(Authenticated<ChangePassword> command) {
        UserId user = command.caller().userId();
        ChangePassword request = command.request();
        return transactions.inTransaction(() -> accounts.findByIdForUpdate(user)
                        .switchIfEmpty(Mono.error(Accounts::accountNotFound))
                        .flatMap(account -> confirm(account, request.currentPassword()))
                        .doOnNext(account -> policy.check(request.newPassword(), account.email()))
                        .flatMap(account -> hasher.hash(request.newPassword()))
                        .flatMap(hash -> vault.changePassword(user, request.currentPassword(), request.newPassword())
                                .then(accounts.updatePasswordHash(user, hash))
                                .then(sessions.revokeAll(user, clock.instant()))))
                .doOnSuccess(done -> log.info("account {} changed its password", user));
    }

    /** With the recovery code: a new password, a new code, the vault kept, and every session ended. */
    public Mono<RecoveryCode> recover(Recover command) {
        String code = RecoveryCodes.generate();
        return transactions.inTransaction(() -> accounts.findByEmailForUpdate(command.email())
                        .filter(account -> recoveryCodes.matches(command.recoveryCode(), account.recoveryHash()))
                        .switchIfEmpty(Mono.error(() -> new KnagException(IdentityProblems.INVALID_RECOVERY_CODE,
                                "Wrong email or recovery code")))
                        .doOnNext(account -> policy.check(command.newPassword(), account.email()))
                        .flatMap(account -> hasher.hash(command.newPassword()).flatMap(hash ->
                                vault.recover(account.id(), command.recoveryCode(), command.newPassword(), code)
                                        .then(accounts.updateSecrets(account.id(), hash, recoveryCodes.hash(code)))
                                        .then(sessions.revokeAll(account.id(), clock.instant()))
                                        .doOnSuccess(done -> log.info("account {} recovered", account.id())))))
                .thenReturn(new RecoveryCode(code));
    }

    /**
     * The operator's last resort for a person who lost both password and recovery code: a temporary
     * password and a new code, every session ended, and the vault emptied (its keys cannot be recovered).
     */
    public Mono<AccountReset> reset(ResetAccount command) {
        String temporaryPassword = RecoveryCodes.generate();
        String code = RecoveryCodes.generate();
        return transactions.inTransaction(() -> accounts.findByEmailForUpdate(command.email())
                        .switchIfEmpty(Mono.error(Accounts::accountNotFound))
                        .flatMap(account -> hasher.hash(temporaryPassword).flatMap(hash ->
                                vault.reset(account.id(), temporaryPassword, code)
                                        .then(accounts.updateSecrets(account.id(), hash, recoveryCodes.hash(code)))
                                        .then(sessions.revokeAll(account.id(), clock.instant()))
                                        .thenReturn(account))))
                .doOnNext(account -> log.warn("account {} reset by an operator; its vault was emptied", account.id()))
                .map(account -> new AccountReset(account.email(), temporaryPassword, code));
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
