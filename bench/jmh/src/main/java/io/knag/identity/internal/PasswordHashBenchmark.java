package io.knag.identity.internal;

import io.knag.kernel.crypto.Argon2Parameters;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One Argon2id hash (BouncyCastle) with the default parameters (m=19456 KiB, t=2, p=1), as registration
 * and every login pay it; the verify path costs the same.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PasswordHashBenchmark {

    @Param({"19456"})
    public int memoryKib;

    private Argon2idPasswordHasher hasher;
    private String stored;

    @Setup
    public void setUp() {
        hasher = new Argon2idPasswordHasher(new Argon2Parameters(memoryKib, 2, 1), new io.knag.kernel.crypto.BoundedWork(1, 1, Duration.ofMinutes(1)));
        stored = hasher.hash("correct horse battery staple").block();
    }

    @Benchmark
    public String hash() {
        return hasher.hash("correct horse battery staple").block();
    }

    @Benchmark
    public Boolean verify() {
        return hasher.verify("correct horse battery staple", stored).block();
    }
}
