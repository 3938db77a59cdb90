package io.knag.kernel.auth;

import io.knag.kernel.UserId;
import java.time.Instant;

/** Who a request comes from, as proven by a verified access token. */
public record Caller(UserId userId, String tokenId, Instant expiresAt) {
}
