package io.knag.bench;

import io.knag.kernel.UserId;
import io.knag.kernel.crypto.Argon2Parameters;
import io.knag.kernel.crypto.HpkeBox;
import io.knag.vault.LaunchEnvelope;
import io.knag.vault.domain.CredentialSeals;
import io.knag.vault.domain.KeyWraps;
import io.knag.vault.domain.SecretsCodec;
import java.nio.charset.StandardCharsets;
import java.util.Map;
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

/**
 * The vault's crypto on a typical credential (an exchange API key and secret): sealing it when it is
 * added, opening it, the whole launch path after the KDF (unwrap the vault key with the derived key,
 * open the credential, re-seal it to the bot manager), and the KDF itself (Argon2id, default parameters).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class VaultCryptoBenchmark {

    private static final Argon2Parameters DEFAULT = new Argon2Parameters(19456, 2, 1);
    private final HpkeBox hpke = HpkeBox.standard();
    private final UserId owner = new UserId(UUID.randomUUID());
    private final UUID credentialId = UUID.randomUUID();
    private final UUID botId = UUID.randomUUID();
    private byte[][] vaultKey;
    private byte[][] botManager;
    private byte[] plaintext;
    private byte[] sealed;
    private byte[] passwordWrap;
    private byte[] derivedKey;

    @Setup
    public void setUp() {
        vaultKey = hpke.generateKeyPair();
        botManager = hpke.generateKeyPair();
        plaintext = SecretsCodec.encode(Map.of("apiKey", "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A",
                "apiSecret", "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j"));
        sealed = CredentialSeals.seal(owner, credentialId, vaultKey[1], plaintext);
        passwordWrap = KeyWraps.wrapWithPassword(owner, vaultKey[0], "a long passphrase", DEFAULT);
        derivedKey = KeyWraps.passwordKey("a long passphrase", passwordWrap);
    }

    @Benchmark
    public byte[] sealCredential() {
        return CredentialSeals.seal(owner, credentialId, vaultKey[1], plaintext);
    }

    @Benchmark
    public byte[] openCredential() {
        return CredentialSeals.open(owner, credentialId, vaultKey[0], sealed);
    }

    /** Everything a launch does after the KDF: unwrap, open, re-seal for the bot manager. */
    @Benchmark
    public byte[][] launchAfterKdf() {
        byte[] privateKey = KeyWraps.unwrap(owner, "password", passwordWrap, derivedKey.clone());
        byte[] secrets = CredentialSeals.open(owner, credentialId, privateKey, sealed);
        return hpke.seal(botManager[1], LaunchEnvelope.INFO.getBytes(StandardCharsets.US_ASCII),
                LaunchEnvelope.associatedData(owner.value(), botId, credentialId).getBytes(StandardCharsets.US_ASCII),
                secrets);
    }

    /** The KDF that every launch and password change pays once. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public byte[] kdf() {
        return KeyWraps.passwordKey("a long passphrase", passwordWrap);
    }
}
