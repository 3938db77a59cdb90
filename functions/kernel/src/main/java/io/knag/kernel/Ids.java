package io.knag.kernel;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;

/** Time-ordered UUIDs (version 7, RFC 9562): unique, unguessable in their random part, index-friendly. */
public final class Ids {

    private static final SecureRandom random = new SecureRandom();

    private Ids() {
    }

    public static UUID newId(Clock clock) {
        long millis = clock.millis();
        long randA = random.nextInt() & 0xFFFL;
        long msb = (millis << 16) | 0x7000L | randA;
        long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }

    public static UUID newId() {
        return newId(Clock.systemUTC());
    }
}
