package io.knag.vault.application;

import io.knag.identity.application.VaultKeyring;
import io.knag.kernel.KnagException;
import io.knag.kernel.ProblemType;
import io.knag.kernel.UserId;
import io.knag.kernel.crypto.Argon2Parameters;
import io.knag.kernel.crypto.BoundedWork;
import io.knag.kernel.crypto.HpkeBox;
import io.knag.kernel.crypto.SecretKeyBox.SealedBlobException;
import io.knag.vault.domain.AttemptPolicy;
import io.knag.vault.domain.KeyWraps;
import io.knag.vault.domain.VaultKey;
import io.knag.vault.domain.VaultProblems;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * The users' vault keys: made at registration, re-wrapped when the password changes or is recovered
 * (inside identity's transaction), and unlocked with the password to open a credential. Wrong passwords
 * are counted per user; from {@code maxFailures} on, the vault stays locked for a doubling time.
 */
public final class VaultKeys implements VaultKeyring {

    private static final Logger log = LoggerFactory.getLogger(VaultKeys.class);
    private static final HpkeBox hpke = HpkeBox.standard();

    private final VaultKeyStore keys;
    private final CredentialStore credentials;
    private final Argon2Parameters parameters;
    private final BoundedWork memoryHardWork;
    private final AttemptPolicy attempts;
    private final Clock clock;

    public VaultKeys(VaultKeyStore keys, CredentialStore credentials, Argon2Parameters parameters,
                     BoundedWork memoryHardWork, AttemptPolicy attempts, Clock clock) {
        this.keys = keys;
        this.credentials = credentials;
        this.parameters = parameters;
        this.memoryHardWork = memoryHardWork;
        this.attempts = attempts;
        this.clock = clock;
    }

    @Override
    public Mono<Void> create(UserId user, String password, String recoveryCode) {
        return fresh(user, password, recoveryCode).doOnSuccess(done -> log.info("vault key of {} created", user));
    }

    @Override
    public Mono<Void> changePassword(UserId user, String oldPassword, String newPassword) {
        return existing(user).flatMap(found -> found.isEmpty() ? fresh(user, newPassword, null) : memoryHardWork.run(() -> {
                    byte[] privateKey = openOrFail(user, "password", found.get().passwordWrap(),
                            KeyWraps.passwordKey(oldPassword, found.get().passwordWrap()));
                    try {
                        return KeyWraps.wrapWithPassword(user, privateKey, newPassword, parameters);
                    } finally {
                        Arrays.fill(privateKey, (byte) 0);
                    }
                }).flatMap(wrap -> keys.put(user, found.get().publicKey(), wrap, found.get().recoveryWrap(), clock.instant())))
                .doOnSuccess(done -> log.info("vault key of {} re-wrapped for a new password", user));
    }

    @Override
    public Mono<Void> recover(UserId user, String recoveryCode, String newPassword, String newRecoveryCode) {
        return existing(user).flatMap(found -> found.isEmpty() || found.get().recoveryWrap() == null
                // No wrap under a recovery code (an account from before the vault): nothing can be kept.
                ? credentials.deleteAll(user).then(fresh(user, newPassword, newRecoveryCode))
                : memoryHardWork.run(() -> {
                    byte[] privateKey = openOrFail(user, "recovery", found.get().recoveryWrap(),
                            KeyWraps.recoveryKey(recoveryCode, found.get().recoveryWrap()));
                    try {
                        return new byte[][] {KeyWraps.wrapWithPassword(user, privateKey, newPassword, parameters),
                                KeyWraps.wrapWithRecoveryCode(user, privateKey, newRecoveryCode)};
                    } finally {
                        Arrays.fill(privateKey, (byte) 0);
                    }
                }).flatMap(wraps -> keys.put(user, found.get().publicKey(), wraps[0], wraps[1], clock.instant())))
                .doOnSuccess(done -> log.info("vault key of {} recovered", user));
    }

    @Override
    public Mono<Void> reset(UserId user, String newPassword, String newRecoveryCode) {
        return credentials.deleteAll(user).then(fresh(user, newPassword, newRecoveryCode))
                .doOnSuccess(done -> log.warn("vault of {} emptied and given a new key", user));
    }

    /**
     * The private key, for a password that opens it; a wrong one answers {@code wrong-password} after the
     * same work as a right one, and counts towards the lock.
     */
    public Mono<byte[]> unlock(UserId user, String password) {
        return keys.find(user)
                .switchIfEmpty(Mono.error(() -> new KnagException(VaultProblems.VAULT_NOT_READY,
                        "This account has no vault key yet; change your password once to create it")))
                .flatMap(key -> {
                    Instant now = clock.instant();
                    if (key.lockedUntil() != null && key.lockedUntil().isAfter(now)) {
                        return Mono.error(tooManyAttempts(Duration.between(now, key.lockedUntil())));
                    }
                    return memoryHardWork.run(() -> tryOpen(user, key.passwordWrap(), password))
                            .flatMap(opened -> opened.length > 0 ? succeeded(key, opened) : failed(key, now));
                });
    }

    private Mono<byte[]> succeeded(VaultKey key, byte[] privateKey) {
        return (key.failedAttempts() > 0 ? keys.clearFailures(key.user()) : Mono.<Void>empty()).thenReturn(privateKey);
    }

    /** Counted in the database (so concurrent guesses each count); from the limit on, the vault locks. */
    private Mono<byte[]> failed(VaultKey key, Instant now) {
        return keys.recordFailure(key.user()).flatMap(failures -> {
            Instant lockedUntil = attempts.lockedUntil(failures, now);
            log.info("wrong vault password for {} ({} in a row)", key.user(), failures);
            if (lockedUntil == null) {
                return Mono.error(new KnagException(ProblemType.WRONG_PASSWORD, "The password is not correct"));
            }
            return keys.lockUntil(key.user(), lockedUntil)
                    .then(Mono.error(tooManyAttempts(Duration.between(now, lockedUntil))));
        });
    }

    private Mono<java.util.Optional<VaultKey>> existing(UserId user) {
        return keys.findForUpdate(user).map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty());
    }

    private static byte[] tryOpen(UserId user, byte[] wrap, String password) {
        try {
            return KeyWraps.unwrap(user, "password", wrap, KeyWraps.passwordKey(password, wrap));
        } catch (SealedBlobException e) {
            return new byte[0];
        }
    }

    private static byte[] openOrFail(UserId user, String purpose, byte[] wrap, byte[] key) {
        try {
            return KeyWraps.unwrap(user, purpose, wrap, key);
        } catch (SealedBlobException e) {
            // Identity checked this secret a moment ago: a wrap that does not open is damaged, not guessed.
            log.error("vault key of {} does not open with its {} although identity accepted it", user, purpose);
            throw new IllegalStateException("vault key wrap of " + user + " does not open");
        }
    }

    private Mono<Void> fresh(UserId user, String password, String recoveryCode) {
        return memoryHardWork.run(() -> {
            byte[][] pair = hpke.generateKeyPair();
            try {
                byte[] passwordWrap = KeyWraps.wrapWithPassword(user, pair[0], password, parameters);
                byte[] recoveryWrap = recoveryCode == null ? null : KeyWraps.wrapWithRecoveryCode(user, pair[0], recoveryCode);
                return List.of(pair[1], passwordWrap, recoveryWrap == null ? new byte[0] : recoveryWrap);
            } finally {
                Arrays.fill(pair[0], (byte) 0);
            }
        }).flatMap(parts -> keys.put(user, parts.get(0), parts.get(1), parts.get(2).length == 0 ? null : parts.get(2),
                clock.instant()));
    }

    private static KnagException tooManyAttempts(Duration wait) {
        return new KnagException(ProblemType.TOO_MANY_ATTEMPTS, "Too many wrong passwords; try again later",
                List.of(), wait.isNegative() || wait.isZero() ? Duration.ofSeconds(1) : wait);
    }
}
