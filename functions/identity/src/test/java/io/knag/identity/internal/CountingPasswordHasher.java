package io.knag.identity.internal;

import io.knag.identity.application.PasswordHasher;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Mono;

/** Counts the expensive calls, so tests can prove that two paths do the same work. */
public final class CountingPasswordHasher implements PasswordHasher {

    public final AtomicInteger hashes = new AtomicInteger();
    public final AtomicInteger verifications = new AtomicInteger();
    private final PasswordHasher delegate;

    CountingPasswordHasher(PasswordHasher delegate) {
        this.delegate = delegate;
    }

    @Override
    public Mono<String> hash(String password) {
        return delegate.hash(password).doOnSubscribe(s -> hashes.incrementAndGet());
    }

    @Override
    public Mono<Boolean> verify(String password, String encodedHash) {
        return delegate.verify(password, encodedHash).doOnSubscribe(s -> verifications.incrementAndGet());
    }

    @Override
    public boolean needsRehash(String encodedHash) {
        return delegate.needsRehash(encodedHash);
    }

    @Override
    public String dummyHash() {
        return delegate.dummyHash();
    }
}
