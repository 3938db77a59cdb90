package io.knag.identity.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code knag.identity.*}. The key-encryption key (base64 of 32 bytes) seals the token-signing keys at
 * rest; it comes from the environment ({@code KNAG_IDENTITY_KEY_ENCRYPTION_KEY}) or a mounted file, never
 * from the repository. The embedded default generates one into its data directory.
 */
@ConfigurationProperties("knag.identity")
public record IdentityProperties(
        String keyEncryptionKey,
        @DefaultValue("30d") Duration signingKeyRotation,
        @DefaultValue("30d") Duration refreshTokenTtl,
        @DefaultValue Argon2 argon2) {

    public IdentityProperties {
        if (keyEncryptionKey == null || keyEncryptionKey.isBlank()) {
            throw new IllegalArgumentException("knag.identity.key-encryption-key is not set: give it the base64 of 32"
                    + " random bytes (openssl rand -base64 32), e.g. through KNAG_IDENTITY_KEY_ENCRYPTION_KEY");
        }
        if (signingKeyRotation.compareTo(Duration.ofHours(1)) < 0) {
            throw new IllegalArgumentException("knag.identity.signing-key-rotation must be at least 1h");
        }
        if (refreshTokenTtl.compareTo(Duration.ofMinutes(5)) < 0 || refreshTokenTtl.compareTo(Duration.ofDays(365)) > 0) {
            throw new IllegalArgumentException("knag.identity.refresh-token-ttl must be between 5m and 365d");
        }
    }

    @Override
    public String toString() {
        return "IdentityProperties[keyEncryptionKey=***, signingKeyRotation=" + signingKeyRotation
                + ", refreshTokenTtl=" + refreshTokenTtl + ", argon2=" + argon2 + "]";
    }

    /**
     * Argon2id cost and how many hashes may run at once ({@code 0}: two per core) or wait, and for how long.
     */
    public record Argon2(
            @DefaultValue("19456") int memoryKib,
            @DefaultValue("2") int iterations,
            @DefaultValue("1") int parallelism,
            @DefaultValue("0") int maxConcurrent,
            @DefaultValue("32") int maxWaiting,
            @DefaultValue("2s") Duration maxWait) {

        int concurrency() {
            return maxConcurrent > 0 ? maxConcurrent : 2 * Runtime.getRuntime().availableProcessors();
        }
    }
}
