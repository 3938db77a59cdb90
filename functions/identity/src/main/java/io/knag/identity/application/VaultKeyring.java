package io.knag.identity.application;

import io.knag.kernel.UserId;
import reactor.core.publisher.Mono;

/**
 * The vault's key, as identity must keep it in step with the password (docs/architecture.md, "A capability is a hexagon"): identity calls
 * these inside the transaction that changes the login secrets, so both commit together or neither does.
 * Implemented by the vault; a deployment without a vault uses {@link #NONE}.
 */
public interface VaultKeyring {

    /** A new account: make its vault key, wrapped under the password and under the recovery code. */
    Mono<Void> create(UserId user, String password, String recoveryCode);

    /** Re-wrap the vault key from the old password to the new one (the secrets are not touched). */
    Mono<Void> changePassword(UserId user, String oldPassword, String newPassword);

    /** Open the vault key with the recovery code; wrap it under the new password and the new code. */
    Mono<Void> recover(UserId user, String recoveryCode, String newPassword, String newRecoveryCode);

    /** An operator reset without the recovery code: the vault is emptied and given a new key. */
    Mono<Void> reset(UserId user, String newPassword, String newRecoveryCode);

    VaultKeyring NONE = new VaultKeyring() {
        @Override
        public Mono<Void> create(UserId user, String password, String recoveryCode) {
            return Mono.empty();
        }

        @Override
        public Mono<Void> changePassword(UserId user, String oldPassword, String newPassword) {
            return Mono.empty();
        }

        @Override
        public Mono<Void> recover(UserId user, String recoveryCode, String newPassword, String newRecoveryCode) {
            return Mono.empty();
        }

        @Override
        public Mono<Void> reset(UserId user, String newPassword, String newRecoveryCode) {
            return Mono.empty();
        }
    };
}
