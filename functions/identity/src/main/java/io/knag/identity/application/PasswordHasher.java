package io.knag.identity.application;

import reactor.core.publisher.Mono;

/**
 * A slow, memory-hard password hash whose output names its algorithm and parameters (a PHC string),
 * so parameters can be raised later. Implementations bound how many hashes run at once and fail with
 * {@code service-busy} past that.
 */
public interface PasswordHasher {

    Mono<String> hash(String password);

    Mono<Boolean> verify(String password, String encodedHash);

    /** True when {@code encodedHash} was made with other parameters than the current ones. */
    boolean needsRehash(String encodedHash);

    /** A hash of nothing anyone knows, as costly to verify as a real one (for unknown accounts). */
    String dummyHash();
}
