package io.knag.kernel.crypto;

/** Argon2id cost: memory in KiB, iterations, lanes. OWASP's floor is m=19456 (19 MiB), t=2, p=1. */
public record Argon2Parameters(int memoryKiB, int iterations, int parallelism) {

    public Argon2Parameters {
        if (memoryKiB < 8 * parallelism || memoryKiB > 4 * 1024 * 1024) {
            throw new IllegalArgumentException("argon2 memory must be between 8*p KiB and 4 GiB");
        }
        if (iterations < 1 || iterations > 100 || parallelism < 1 || parallelism > 16) {
            throw new IllegalArgumentException("argon2 iterations must be 1..100 and parallelism 1..16");
        }
    }

    public String phcPrefix() {
        return "$argon2id$v=19$m=" + memoryKiB + ",t=" + iterations + ",p=" + parallelism + "$";
    }
}
