package io.knag.vault.internal;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code knag.vault.*}: how many wrong passwords in a row lock a vault, for how long at first and at most,
 * and how many credentials one vault may hold.
 */
@ConfigurationProperties("knag.vault")
public record VaultProperties(
        @DefaultValue("5") int maxFailedAttempts,
        @DefaultValue("30s") Duration firstLock,
        @DefaultValue("15m") Duration longestLock,
        @DefaultValue("50") int maxCredentials,
        Map<String, String> probeUrls,
        @DefaultValue("10s") Duration probeTimeout) {

    public VaultProperties {
        if (maxFailedAttempts < 1 || maxCredentials < 1 || firstLock.isNegative() || longestLock.compareTo(firstLock) < 0) {
            throw new IllegalArgumentException("knag.vault.* out of range");
        }
    }
}
