package io.knag.gateway;

import java.time.Duration;
import reactor.core.publisher.Mono;

/** Counts one request against {@code key}'s budget of {@code limit} a minute. */
interface RateLimiter {

    Mono<Decision> consume(String key, int limit);

    /** Whether the request may pass, what is left, and when the budget is full again (or frees a slot). */
    record Decision(boolean allowed, long remaining, Duration retryAfter) {
    }
}
