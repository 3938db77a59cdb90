package io.knag.vault.domain;

import java.time.Duration;
import java.time.Instant;

/** How long a vault stays locked after repeated wrong passwords: from {@code maxFailures} on, doubling up to a cap. */
public record AttemptPolicy(int maxFailures, Duration firstLock, Duration longestLock) {

    /** The end of the lock after {@code failures} wrong passwords in a row, or null while under the limit. */
    public Instant lockedUntil(int failures, Instant now) {
        if (failures < maxFailures) {
            return null;
        }
        int doublings = Math.min(failures - maxFailures, 20);
        Duration lock = firstLock.multipliedBy(1L << doublings);
        return now.plus(lock.compareTo(longestLock) > 0 ? longestLock : lock);
    }
}
