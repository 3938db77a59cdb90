package io.knag.bench;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.knag.kernel.auth.AccessTokenVerifier;
import io.knag.kernel.auth.Caller;
import io.knag.kernel.auth.PublicKeyDirectory;
import io.knag.kernel.auth.TokenSettings;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import reactor.core.publisher.Mono;

/**
 * Access-token verification as the host does it (parse, RS256 signature, header and claim checks) beside
 * a bare JCA SHA256withRSA verification of the same signing input and signature (new Signature per call,
 * and one reused Signature). Target: the full verification keeps at least 80% of the raw rate, measured
 * against the faster of the two raw variants.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class AccessTokenVerificationBenchmark {

    private String token;
    private RSAPublicKey publicKey;
    private byte[] signingInput;
    private byte[] signature;
    private AccessTokenVerifier verifier;
    private Signature reusedSignature;

    @Setup
    public void setUp() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        publicKey = (RSAPublicKey) pair.getPublic();
        Instant now = Instant.now();
        TokenSettings settings = new TokenSettings("https://knag.local", "knag-api", Duration.ofMinutes(15),
                Duration.ofSeconds(60));
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(new JOSEObjectType("at+jwt"))
                .keyID("bench-key").build(), new JWTClaimsSet.Builder().issuer(settings.issuer())
                .audience(settings.audience()).subject(UUID.randomUUID().toString()).issueTime(Date.from(now))
                .notBeforeTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofHours(12))))
                .jwtID(UUID.randomUUID().toString()).build());
        jwt.sign(new RSASSASigner(pair.getPrivate()));
        token = jwt.serialize();
        int lastDot = token.lastIndexOf('.');
        signingInput = token.substring(0, lastDot).getBytes(StandardCharsets.US_ASCII);
        signature = Base64.getUrlDecoder().decode(token.substring(lastDot + 1));
        PublicKeyDirectory directory = new PublicKeyDirectory() {
            @Override
            public Optional<RSAPublicKey> find(String kid) {
                return "bench-key".equals(kid) ? Optional.of(publicKey) : Optional.empty();
            }

            @Override
            public Mono<Void> refresh() {
                return Mono.empty();
            }
        };
        verifier = new AccessTokenVerifier(directory, settings, Clock.systemUTC());
        reusedSignature = Signature.getInstance("SHA256withRSA");
        reusedSignature.initVerify(publicKey);
        if (!rawJcaRs256() || !rawJcaRs256Reused() || fullVerification() == null) {
            throw new IllegalStateException("the benchmark token does not verify");
        }
    }

    @Benchmark
    public Caller fullVerification() {
        return verifier.verifyNow(token);
    }

    /** The cheapest raw verification: one Signature initialised once, as the verifier keeps per thread and key. */
    @Benchmark
    public boolean rawJcaRs256Reused() throws Exception {
        reusedSignature.update(signingInput);
        return reusedSignature.verify(signature);
    }

    /** A raw verification as most code writes it: a new Signature per token. */
    @Benchmark
    public boolean rawJcaRs256() throws Exception {
        Signature verify = Signature.getInstance("SHA256withRSA");
        verify.initVerify(publicKey);
        verify.update(signingInput);
        return verify.verify(signature);
    }
}
