package io.knag.bots.reports.domain;

import io.knag.kernel.crypto.Hashes;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * Report tokens: {@code kr1.<grant>.<mac>}, the grant (bot id, launch generation, expiry) in base64url and an
 * HMAC-SHA256 over it under a key only the platform holds. Nothing is stored: a token is checked by its MAC,
 * its expiry, and (by the caller) whether its launch is still the bot's running one.
 */
public final class ReportTokens {

    private static final String PREFIX = "kr1.";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODE = Base64.getUrlDecoder();

    private final byte[] key;

    public ReportTokens(byte[] key) {
        if (key.length < 32) {
            throw new IllegalArgumentException("a report token key has at least 32 bytes");
        }
        this.key = key.clone();
    }

    public String issue(ReportGrant grant) {
        byte[] body = ByteBuffer.allocate(32).putLong(grant.botId().getMostSignificantBits())
                .putLong(grant.botId().getLeastSignificantBits()).putLong(grant.generation())
                .putLong(grant.expiresAt().getEpochSecond()).array();
        String encoded = B64.encodeToString(body);
        return PREFIX + encoded + "." + B64.encodeToString(mac(encoded));
    }

    /** The grant of a token this platform issued, unexpired at {@code now}; empty for anything else. */
    public Optional<ReportGrant> read(String token, Instant now) {
        if (token == null || token.length() > 200 || !token.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String[] parts = token.substring(PREFIX.length()).split("\\.", -1);
        if (parts.length != 2) {
            return Optional.empty();
        }
        try {
            byte[] body = DECODE.decode(parts[0]);
            if (body.length != 32 || !MessageDigest.isEqual(mac(parts[0]), DECODE.decode(parts[1]))) {
                return Optional.empty();
            }
            ByteBuffer in = ByteBuffer.wrap(body);
            ReportGrant grant = new ReportGrant(new UUID(in.getLong(), in.getLong()), in.getLong(),
                    Instant.ofEpochSecond(in.getLong()));
            return grant.expiresAt().isAfter(now) ? Optional.of(grant) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private byte[] mac(String encoded) {
        return Hashes.hmacSha256(key, encoded.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public String toString() {
        return "ReportTokens[***]";
    }

    /** Zeroes the key (tests and shutdown). */
    public void wipe() {
        Arrays.fill(key, (byte) 0);
    }
}
