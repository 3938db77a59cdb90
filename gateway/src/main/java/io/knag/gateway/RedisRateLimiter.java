package io.knag.gateway;

import java.time.Duration;
import java.util.List;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import reactor.core.publisher.Mono;

/**
 * Counters in Redis, shared by every gateway replica: a fixed one-minute window per key, counted and
 * given its expiry atomically by one Lua script. (At a window's edge a client can get up to twice the
 * limit within a minute; the per-process buckets smooth that, Redis keeps it simple and shared.)
 */
final class RedisRateLimiter implements RateLimiter {

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static final RedisScript<List<Long>> WINDOW = (RedisScript) RedisScript.of("""
            local count = redis.call('INCR', KEYS[1])
            if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
            return {count, redis.call('PTTL', KEYS[1])}
            """, List.class);

    private final ReactiveStringRedisTemplate redis;

    RedisRateLimiter(ReactiveStringRedisTemplate redis) {
        this.redis = redis;
    }

    @Override
    public Mono<Decision> consume(String key, int limit) {
        return redis.execute(WINDOW, List.of("knag:rate:" + key + "/" + limit), List.of("60000"))
                .next()
                .map(result -> {
                    long count = result.get(0);
                    Duration untilReset = Duration.ofMillis(Math.max(0, result.get(1)));
                    return new Decision(count <= limit, Math.max(0, limit - count), untilReset);
                });
    }
}
