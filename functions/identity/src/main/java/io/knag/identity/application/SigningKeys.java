package io.knag.identity.application;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import io.knag.identity.domain.SigningKey;
import io.knag.identity.domain.StoredSigningKey;
import io.knag.kernel.auth.PublicKeyDirectory;
import io.knag.kernel.auth.TokenSettings;
import io.knag.kernel.crypto.SecretKeyBox;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * The keys that sign access tokens: made on first use (not at start-up), rotated when older than the
 * rotation period or on command, and published with every key retired recently enough that tokens it
 * signed may still be alive.
 */
public final class SigningKeys implements PublicKeyDirectory {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);
    /** How long one instance trusts its view of the keys before re-reading the store. */
    static final Duration SNAPSHOT_AGE = Duration.ofMinutes(5);

    private final SigningKeyStore store;
    private final SigningKeyCodec codec;
    private final TokenSettings settings;
    private final Duration rotationPeriod;
    private final Clock clock;
    private volatile Snapshot snapshot;

    public SigningKeys(SigningKeyStore store, SecretKeyBox box, TokenSettings settings, Duration rotationPeriod,
                       Clock clock) {
        this.store = store;
        this.codec = new SigningKeyCodec(box);
        this.settings = settings;
        this.rotationPeriod = rotationPeriod;
        this.clock = clock;
    }

    /** The key to sign with now. Its private half is opened on first use, not to publish the key set. */
    public Mono<SigningKey> current() {
        return snapshot().map(known -> known.opened(codec));
    }

    /** The public JSON Web Key Set: the active key and the recently retired ones. */
    public Mono<Map<String, Object>> jwks() {
        return snapshot().map(known -> {
            List<JWK> keys = known.published().entrySet().stream()
                    .map(entry -> (JWK) new RSAKey.Builder(entry.getValue()).keyID(entry.getKey())
                            .keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).build())
                    .toList();
            return new JWKSet(keys).toJSONObject(true);
        });
    }

    /** Retires the active key and makes a new one; emits the new key's id. */
    public Mono<String> rotate() {
        return store.findActive().flatMap(active -> {
            StoredSigningKey next = codec.generate(clock.instant());
            return store.rotate(active.kid(), next)
                    .doOnNext(done -> {
                        if (done) {
                            log.info("signing key {} retired, {} active", active.kid(), next.kid());
                        }
                    });
        }).then(load()).map(loaded -> loaded.active().kid());
    }

    @Override
    public Optional<RSAPublicKey> find(String kid) {
        Snapshot known = snapshot;
        return known == null ? Optional.empty() : Optional.ofNullable(known.published().get(kid));
    }

    @Override
    public Mono<Void> refresh() {
        return load().then();
    }

    /** The keys as last read, re-read when older than {@link #SNAPSHOT_AGE} or when the active key is due. */
    private Mono<Snapshot> snapshot() {
        Snapshot known = snapshot;
        Instant now = clock.instant();
        if (known != null && known.loadedAt().plus(SNAPSHOT_AGE).isAfter(now) && !dueForRotation(known.active(), now)) {
            return Mono.just(known);
        }
        return load();
    }

    private Mono<Snapshot> load() {
        return activeKey()
                .flatMap(active -> dueForRotation(active, clock.instant()) ? rotate().then(activeKey()) : Mono.just(active))
                .flatMap(active -> store.findPublished(publishedSince())
                        .collectMap(StoredSigningKey::kid, SigningKeyCodec::publicKey, LinkedHashMap::new)
                        .map(published -> new Snapshot(active, Map.copyOf(published), clock.instant(),
                                new AtomicReference<>())))
                .doOnNext(loaded -> snapshot = loaded);
    }

    private Mono<StoredSigningKey> activeKey() {
        return store.findActive()
                .switchIfEmpty(Mono.defer(() -> {
                    StoredSigningKey fresh = codec.generate(clock.instant());
                    return store.insertActive(fresh)
                            .doOnNext(won -> {
                                if (won) {
                                    log.info("signing key {} created", fresh.kid());
                                }
                            })
                            .then(store.findActive());
                }));
    }

    private boolean dueForRotation(StoredSigningKey key, Instant now) {
        return key.createdAt().plus(rotationPeriod).isBefore(now);
    }

    /** Tokens signed by a key retired before this instant have all expired, even allowing for stale snapshots. */
    private Instant publishedSince() {
        return clock.instant().minus(settings.accessTokenTtl()).minus(settings.clockSkew()).minus(SNAPSHOT_AGE);
    }

    private record Snapshot(StoredSigningKey active, Map<String, RSAPublicKey> published, Instant loadedAt,
                            AtomicReference<SigningKey> opened) {

        SigningKey opened(SigningKeyCodec codec) {
            SigningKey key = opened.get();
            if (key == null) {
                key = codec.open(active);
                opened.set(key);
            }
            return key;
        }
    }
}
