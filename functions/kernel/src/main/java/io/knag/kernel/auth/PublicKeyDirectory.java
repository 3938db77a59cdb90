package io.knag.kernel.auth;

import java.security.interfaces.RSAPublicKey;
import java.util.Optional;
import reactor.core.publisher.Mono;

/** The public keys that sign access tokens, by {@code kid}. */
public interface PublicKeyDirectory {

    /** A key already known, without I/O. */
    Optional<RSAPublicKey> find(String kid);

    /** Reloads the key set (callers rate-limit this); completes when the reload is done. */
    Mono<Void> refresh();
}
