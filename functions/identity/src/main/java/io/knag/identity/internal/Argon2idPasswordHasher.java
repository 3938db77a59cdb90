package io.knag.identity.internal;

import io.knag.identity.PasswordHasher;
import io.knag.kernel.KnagException;
import io.knag.kernel.ProblemType;
import io.knag.kernel.crypto.Randoms;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters.Builder;
import reactor.core.publisher.Mono;

/**
 * Argon2id from BouncyCastle, as PHC strings ({@code $argon2id$v=19$m=..,t=..,p=..$salt$hash}). At most
 * {@code maxConcurrent} hashes run at once (so memory stays bounded at maxConcurrent x m), a few more wait
 * briefly, and the rest fail at once with {@code service-busy}.
 */
final class Argon2idPasswordHasher implements PasswordHasher {

    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getDecoder();

    private final Argon2Parameters parameters;
    private final ThreadPoolExecutor executor;
    private final Duration maxWait;
    private final String dummyHash;

    Argon2idPasswordHasher(Argon2Parameters parameters, int maxConcurrent, int maxWaiting, Duration maxWait) {
        this.parameters = parameters;
        this.maxWait = maxWait;
        this.executor = new ThreadPoolExecutor(maxConcurrent, maxConcurrent, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(Math.max(1, maxWaiting)), runnable -> {
                    Thread thread = new Thread(runnable, "argon2");
                    thread.setDaemon(true);
                    return thread;
                });
        this.executor.allowCoreThreadTimeOut(true);
        this.dummyHash = parameters.phcPrefix() + B64.encodeToString(Randoms.bytes(SALT_BYTES)) + "$"
                + B64.encodeToString(Randoms.bytes(HASH_BYTES));
    }

    @Override
    public Mono<String> hash(String password) {
        byte[] salt = Randoms.bytes(SALT_BYTES);
        return run(() -> parameters.phcPrefix() + B64.encodeToString(salt) + "$"
                + B64.encodeToString(derive(password, salt, parameters, HASH_BYTES)));
    }

    @Override
    public Mono<Boolean> verify(String password, String encodedHash) {
        return Mono.defer(() -> {
            Parsed parsed = Parsed.of(encodedHash);
            if (parsed == null) {
                return Mono.just(false);
            }
            return run(() -> MessageDigest.isEqual(parsed.hash(),
                    derive(password, parsed.salt(), parsed.parameters(), parsed.hash().length)));
        });
    }

    @Override
    public boolean needsRehash(String encodedHash) {
        return encodedHash == null || !encodedHash.startsWith(parameters.phcPrefix());
    }

    @Override
    public String dummyHash() {
        return dummyHash;
    }

    private <T> Mono<T> run(java.util.function.Supplier<T> work) {
        return Mono.defer(() -> {
            long deadline = System.nanoTime() + maxWait.toNanos();
            try {
                return Mono.fromFuture(CompletableFuture.supplyAsync(() -> {
                    if (System.nanoTime() > deadline) {
                        throw busy();
                    }
                    return work.get();
                }, executor));
            } catch (RejectedExecutionException e) {
                return Mono.error(busy());
            }
        }).onErrorMap(java.util.concurrent.CompletionException.class, e -> e.getCause() != null ? e.getCause() : e);
    }

    private static byte[] derive(String password, byte[] salt, Argon2Parameters p, int length) {
        var generator = new Argon2BytesGenerator();
        generator.init(new Builder(org.bouncycastle.crypto.params.Argon2Parameters.ARGON2_id)
                .withVersion(org.bouncycastle.crypto.params.Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(p.memoryKiB()).withIterations(p.iterations()).withParallelism(p.parallelism())
                .withSalt(salt).build());
        byte[] secret = password.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[length];
        try {
            generator.generateBytes(secret, out);
            return out;
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    private static KnagException busy() {
        return new KnagException(ProblemType.SERVICE_BUSY, "Too many sign-ins at once; retry in a moment",
                List.of(), Duration.ofSeconds(1));
    }

    /** A PHC string taken apart; null when it is not a well-formed Argon2id hash within sane bounds. */
    private record Parsed(Argon2Parameters parameters, byte[] salt, byte[] hash) {

        static Parsed of(String encoded) {
            if (encoded == null) {
                return null;
            }
            String[] parts = encoded.split("\\$");
            if (parts.length != 6 || !parts[1].equals("argon2id") || !parts[2].equals("v=19")) {
                return null;
            }
            try {
                int m = 0, t = 0, p = 0;
                for (String setting : parts[3].split(",")) {
                    int value = Integer.parseInt(setting.substring(2));
                    switch (setting.substring(0, 2)) {
                        case "m=" -> m = value;
                        case "t=" -> t = value;
                        case "p=" -> p = value;
                        default -> {
                            return null;
                        }
                    }
                }
                return new Parsed(new Argon2Parameters(m, t, p), B64D.decode(parts[4]), B64D.decode(parts[5]));
            } catch (IllegalArgumentException | StringIndexOutOfBoundsException e) {
                return null;
            }
        }
    }
}
