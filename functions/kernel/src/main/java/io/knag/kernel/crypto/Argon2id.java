package io.knag.kernel.crypto;

import java.util.Arrays;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters.Builder;

/** Argon2id (RFC 9106, version 0x13) from BouncyCastle: a memory-hard key derivation. Run it through {@link BoundedWork}. */
public final class Argon2id {

    private Argon2id() {
    }

    /** Derives {@code length} bytes from {@code secret} and {@code salt}; {@code secret} is left as it was. */
    public static byte[] derive(byte[] secret, byte[] salt, Argon2Parameters parameters, int length) {
        var generator = new Argon2BytesGenerator();
        generator.init(new Builder(org.bouncycastle.crypto.params.Argon2Parameters.ARGON2_id)
                .withVersion(org.bouncycastle.crypto.params.Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(parameters.memoryKiB())
                .withIterations(parameters.iterations())
                .withParallelism(parameters.parallelism())
                .withSalt(salt)
                .build());
        byte[] copy = secret.clone();
        byte[] out = new byte[length];
        try {
            generator.generateBytes(copy, out);
            return out;
        } finally {
            Arrays.fill(copy, (byte) 0);
        }
    }
}
