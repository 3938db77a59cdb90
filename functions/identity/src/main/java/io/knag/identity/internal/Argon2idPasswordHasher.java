package io.knag.identity.internal;

import io.knag.identity.application.PasswordHasher;
import io.knag.kernel.crypto.Argon2Parameters;
import io.knag.kernel.crypto.Argon2id;
import io.knag.kernel.crypto.BoundedWork;
import io.knag.kernel.crypto.Randoms;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import reactor.core.publisher.Mono;

/**
 * Argon2id password hashes as PHC strings ({@code $argon2id$v=19$m=..,t=..,p=..$salt$hash}), computed
 * through the process's shared {@link BoundedWork}, which bounds memory and answers {@code service-busy}
 * under a flood.
 */
final class Argon2idPasswordHasher implements PasswordHasher {

    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getDecoder();

    private final Argon2Parameters parameters;
    private final BoundedWork work;
    private final String dummyHash;

    Argon2idPasswordHasher(Argon2Parameters parameters, BoundedWork work) {
        this.parameters = parameters;
        this.work = work;
        this.dummyHash = parameters.phcPrefix() + B64.encodeToString(Randoms.bytes(SALT_BYTES)) + "$"
                + B64.encodeToString(Randoms.bytes(HASH_BYTES));
    }

    @Override
    public Mono<String> hash(String password) {
        byte[] salt = Randoms.bytes(SALT_BYTES);
        return work.run(() -> parameters.phcPrefix() + B64.encodeToString(salt) + "$"
                + B64.encodeToString(derive(password, salt, parameters, HASH_BYTES)));
    }

    @Override
    public Mono<Boolean> verify(String password, String encodedHash) {
        return Mono.defer(() -> {
            Parsed parsed = Parsed.of(encodedHash);
            if (parsed == null) {
                return Mono.just(false);
            }
            return work.run(() -> MessageDigest.isEqual(parsed.hash(),
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

    private static byte[] derive(String password, byte[] salt, Argon2Parameters p, int length) {
        byte[] secret = password.getBytes(StandardCharsets.UTF_8);
        try {
            return Argon2id.derive(secret, salt, p, length);
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
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
                int m = 0;
                int t = 0;
                int p = 0;
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
