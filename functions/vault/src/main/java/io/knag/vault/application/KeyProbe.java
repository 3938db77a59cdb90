package io.knag.vault.application;

import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * Asks a broker what a key may do before the vault stores it. It refuses, with the vault's problem, a key that
 * can withdraw ({@link VaultProblems#WITHDRAWAL_ENABLED}), a key the broker rejects
 * ({@link VaultProblems#CREDENTIAL_REJECTED}) and a broker it cannot reach ({@link VaultProblems#BROKER_UNAVAILABLE},
 * {@link VaultProblems#BROKER_ERROR}); a broker it does not know how to ask passes.
 */
public interface KeyProbe {

    KeyProbe NONE = (broker, secrets) -> Mono.empty();

    Mono<Void> check(String broker, Map<String, String> secrets);
}
