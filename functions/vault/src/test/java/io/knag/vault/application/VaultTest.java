package io.knag.vault.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.knag.identity.ChangePassword;
import io.knag.identity.DeleteAccount;
import io.knag.identity.Login;
import io.knag.identity.Recover;
import io.knag.identity.Register;
import io.knag.identity.Registered;
import io.knag.identity.ResetAccount;
import io.knag.kernel.KnagException;
import io.knag.kernel.ProblemType;
import io.knag.kernel.UserId;
import io.knag.kernel.auth.Authenticated;
import io.knag.kernel.auth.Caller;
import io.knag.kernel.crypto.HpkeBox;
import io.knag.vault.AddCredential;
import io.knag.vault.CredentialView;
import io.knag.vault.LaunchEnvelope;
import io.knag.vault.OpenForLaunch;
import io.knag.vault.RotateCredential;
import io.knag.vault.domain.SecretsCodec;
import io.knag.vault.domain.VaultProblems;
import io.knag.vault.internal.VaultFixture;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class VaultTest {

    static final String PASSWORD = "alice's long passphrase";
    final HpkeBox hpke = HpkeBox.standard();
    final byte[][] botManager = hpke.generateKeyPair();

    VaultFixture vault;
    Registered alice;
    Caller aliceCaller;
    Caller bobCaller;

    @BeforeEach
    void setUp() {
        vault = new VaultFixture();
        alice = vault.identity.accounts.register(new Register("alice@example.com", PASSWORD, "Alice")).block();
        Registered bob = vault.identity.accounts.register(new Register("bob@example.com", "bob's long passphrase", "Bob"))
                .block();
        aliceCaller = new Caller(new UserId(alice.id()), "t1", Instant.now().plusSeconds(600));
        bobCaller = new Caller(new UserId(bob.id()), "t2", Instant.now().plusSeconds(600));
    }

    @Test
    void registrationMakesAVaultKeyAndAddingNeedsNoPassword() {
        assertThat(vault.database.query("SELECT count(*) FROM vault.keys").get(0).get(0)).isEqualTo("2");
        CredentialView added = add(aliceCaller, "binance", Map.of("apiKey", "AK-1", "apiSecret", "SECRET-1"));
        assertThat(added.broker()).isEqualTo("binance");
        assertThat(added.fingerprint()).matches("[0-9A-Z]{4}-[0-9A-Z]{4}");
        assertThat(vault.credentials.list(aliceCaller.userId()).block()).extracting(CredentialView::id)
                .containsExactly(added.id());
        assertThat(vault.credentials.list(bobCaller.userId()).block()).isEmpty();
    }

    @Test
    void openForLaunchReSealsTheSecretsToTheBotManagerOnly() {
        CredentialView added = add(aliceCaller, "kraken", Map.of("apiKey", "AK-2", "privateKey", "PRIV-2"));
        UUID bot = UUID.randomUUID();
        LaunchEnvelope envelope = open(PASSWORD, added.id(), bot);

        assertThat(envelope.fingerprint()).isEqualTo(added.fingerprint());
        assertThat(envelope.toString()).doesNotContain("PRIV-2");
        byte[] plaintext = hpke.open(botManager[0], Base64.getDecoder().decode(envelope.encapsulatedKey()),
                Base64.getDecoder().decode(envelope.ciphertext()), LaunchEnvelope.INFO.getBytes(StandardCharsets.US_ASCII),
                LaunchEnvelope.associatedData(alice.id(), bot, added.id()).getBytes(StandardCharsets.US_ASCII));
        assertThat(SecretsCodec.decode(plaintext)).containsEntry("privateKey", "PRIV-2").containsEntry("apiKey", "AK-2");
        assertThatThrownBy(() -> hpke.open(botManager[0], Base64.getDecoder().decode(envelope.encapsulatedKey()),
                Base64.getDecoder().decode(envelope.ciphertext()), LaunchEnvelope.INFO.getBytes(StandardCharsets.US_ASCII),
                LaunchEnvelope.associatedData(alice.id(), UUID.randomUUID(), added.id()).getBytes(StandardCharsets.US_ASCII)))
                .as("an envelope for one bot does not open as another's").isInstanceOf(RuntimeException.class);
    }

    @Test
    void aWrongPasswordIsOneUniformErrorAndRepeatedOnesLockTheVault() {
        CredentialView added = add(aliceCaller, "alpaca", Map.of("keyId", "K", "secretKey", "S"));
        for (int i = 1; i <= 4; i++) {
            String wrong = "wrong passphrase " + i;
            assertProblem(() -> open(wrong, added.id(), UUID.randomUUID()), ProblemType.WRONG_PASSWORD);
        }
        assertThatThrownBy(() -> open("wrong passphrase 5", added.id(), UUID.randomUUID()))
                .isInstanceOfSatisfying(KnagException.class, e -> {
                    assertThat(e.type()).isEqualTo(ProblemType.TOO_MANY_ATTEMPTS);
                    assertThat(e.retryAfter()).contains(Duration.ofSeconds(30));
                });
        assertProblem(() -> open(PASSWORD, added.id(), UUID.randomUUID()), ProblemType.TOO_MANY_ATTEMPTS);
        vault.clock.advance(Duration.ofSeconds(31));
        assertThat(open(PASSWORD, added.id(), UUID.randomUUID())).isNotNull();
        assertThat(vault.database.query("SELECT failed_attempts FROM vault.keys WHERE user_id = ?", alice.id())
                .get(0).get(0)).isEqualTo("0");
    }

    @Test
    void concurrentWrongPasswordsEachCount() {
        CredentialView added = add(aliceCaller, "alpaca", Map.of("keyId", "K", "secretKey", "S"));
        reactor.core.publisher.Flux.range(0, 4)
                .flatMap(i -> vault.credentials.openForLaunch(new OpenForLaunch(aliceCaller.userId(), "guess " + i,
                                added.id(), UUID.randomUUID(), botManager[1]))
                        .onErrorResume(KnagException.class, e -> reactor.core.publisher.Mono.empty())
                        .subscribeOn(reactor.core.scheduler.Schedulers.parallel()))
                .blockLast();
        assertThat(vault.database.query("SELECT failed_attempts FROM vault.keys WHERE user_id = ?", alice.id())
                .get(0).get(0)).isEqualTo("4");
    }

    @Test
    void thePasswordIsNormalisedAsAtLoginBeforeItOpensTheVault() {
        // "ﬁ" (U+FB01) is NFKC "fi": a password typed either way opens the vault, as it logs in.
        Registered fiona = vault.identity.accounts.register(new Register("fiona@example.com", "\uFB01ne passphrase", "F"))
                .block();
        Caller fionaCaller = new Caller(new UserId(fiona.id()), "t3", Instant.now().plusSeconds(600));
        CredentialView added = add(fionaCaller, "alpaca", Map.of("keyId", "K", "secretKey", "S"));
        assertThat(vault.credentials.openForLaunch(new OpenForLaunch(fionaCaller.userId(), "fine passphrase", added.id(),
                UUID.randomUUID(), botManager[1])).block()).isNotNull();
    }

    @Test
    void anotherUsersCredentialIsNotFoundWhateverTheOperation() {
        CredentialView added = add(aliceCaller, "alpaca", Map.of("keyId", "P", "secretKey", "S"));
        assertProblem(() -> vault.credentials.get(new Authenticated<>(bobCaller, added.id())).block(), ProblemType.NOT_FOUND);
        assertProblem(() -> vault.credentials.delete(new Authenticated<>(bobCaller, added.id())).block(), ProblemType.NOT_FOUND);
        assertProblem(() -> vault.credentials.rotate(new Authenticated<>(bobCaller,
                new RotateCredential(added.id(), Map.of("apiKey", "Q")))).block(), ProblemType.NOT_FOUND);
        assertProblem(() -> vault.credentials.openForLaunch(new OpenForLaunch(bobCaller.userId(), "bob's long passphrase",
                added.id(), UUID.randomUUID(), botManager[1])).block(), ProblemType.NOT_FOUND);
        assertThat(vault.credentials.get(new Authenticated<>(aliceCaller, added.id())).block()).isEqualTo(added);
    }

    @Test
    void unknownBrokersAndWrongFieldsAreRefused() {
        assertProblem(() -> add(aliceCaller, "mtgox", Map.of("apiKey", "x")), VaultProblems.UNKNOWN_BROKER);
        assertProblem(() -> add(aliceCaller, "binance", Map.of("apiKey", "x")), ProblemType.VALIDATION_FAILED);
        assertProblem(() -> add(aliceCaller, "binance", Map.of("apiKey", "x", "apiSecret", "y", "extra", "z")),
                ProblemType.VALIDATION_FAILED);
        assertThat(vault.database.query("SELECT count(*) FROM vault.credentials").get(0).get(0)).isEqualTo("0");
    }

    @Test
    void rotationReplacesTheSecretsAndTheFingerprint() {
        CredentialView added = add(aliceCaller, "binance", Map.of("apiKey", "OLD", "apiSecret", "OLD-S"));
        CredentialView rotated = vault.credentials.rotate(new Authenticated<>(aliceCaller,
                new RotateCredential(added.id(), Map.of("apiKey", "NEW", "apiSecret", "NEW-S")))).block();
        assertThat(rotated.fingerprint()).isNotEqualTo(added.fingerprint());
        assertThat(secretsOf(open(PASSWORD, added.id(), UUID.randomUUID()), added.id())).containsEntry("apiKey", "NEW");
    }

    @Test
    void aPasswordChangeKeepsEveryCredentialAndOnlyTheNewPasswordOpens() {
        CredentialView added = add(aliceCaller, "binance", Map.of("apiKey", "K", "apiSecret", "S"));
        String before = vault.database.query("SELECT encode(sealed, 'hex') FROM vault.credentials").toString();
        vault.identity.accounts.changePassword(new Authenticated<>(aliceCaller,
                new ChangePassword(PASSWORD, "alice's new passphrase"))).block();

        assertThat(vault.database.query("SELECT encode(sealed, 'hex') FROM vault.credentials").toString())
                .as("secrets are not re-encrypted, only the key is re-wrapped").isEqualTo(before);
        assertThat(secretsOf(open("alice's new passphrase", added.id(), UUID.randomUUID()), added.id()))
                .containsEntry("apiSecret", "S");
        assertProblem(() -> open(PASSWORD, added.id(), UUID.randomUUID()), ProblemType.WRONG_PASSWORD);
    }

    @Test
    void recoveryKeepsTheVaultAndTheNewPasswordOpensIt() {
        CredentialView added = add(aliceCaller, "binance", Map.of("apiKey", "K", "apiSecret", "S"));
        var code = vault.identity.accounts.recover(new Recover("alice@example.com", alice.recoveryCode(),
                "recovered passphrase")).block();
        assertThat(secretsOf(open("recovered passphrase", added.id(), UUID.randomUUID()), added.id()))
                .containsEntry("apiKey", "K");
        vault.identity.accounts.recover(new Recover("alice@example.com", code.recoveryCode(), "recovered twice pass"))
                .block();
        assertThat(open("recovered twice pass", added.id(), UUID.randomUUID())).isNotNull();
    }

    @Test
    void anOperatorResetEmptiesTheVaultAndSaysSo() {
        add(aliceCaller, "binance", Map.of("apiKey", "K", "apiSecret", "S"));
        var reset = vault.identity.accounts.reset(new ResetAccount("alice@example.com")).block();
        assertThat(vault.credentials.list(aliceCaller.userId()).block()).isEmpty();
        assertThat(vault.identity.sessions.login(new Login("alice@example.com", reset.temporaryPassword())).block())
                .isNotNull();
        CredentialView again = add(aliceCaller, "alpaca", Map.of("keyId", "K", "secretKey", "S"));
        assertThat(open(reset.temporaryPassword(), again.id(), UUID.randomUUID())).isNotNull();
    }

    @Test
    void aTamperedOrMovedBlobIsRefusedAndChangesNothing() {
        CredentialView a = add(aliceCaller, "alpaca", Map.of("keyId", "A", "secretKey", "S"));
        CredentialView b = add(aliceCaller, "alpaca", Map.of("keyId", "B", "secretKey", "S"));
        vault.database.query("UPDATE vault.credentials SET sealed = (SELECT sealed FROM vault.credentials WHERE id = ?)"
                + " WHERE id = ? RETURNING id", b.id(), a.id());
        vault.database.query("UPDATE vault.credentials SET sealed = set_byte(sealed, 40, get_byte(sealed, 40) # 1)"
                + " WHERE id = ? RETURNING id", b.id());
        String before = vault.database.dump("vault");

        assertProblem(() -> open(PASSWORD, a.id(), UUID.randomUUID()), VaultProblems.CREDENTIAL_UNREADABLE);
        assertProblem(() -> open(PASSWORD, b.id(), UUID.randomUUID()), VaultProblems.CREDENTIAL_UNREADABLE);

        assertThat(vault.database.dump("vault")).isEqualTo(before);
    }

    private CredentialView add(Caller caller, String broker, Map<String, String> secrets) {
        return vault.credentials.add(new Authenticated<>(caller, new AddCredential(broker, "my " + broker, secrets))).block();
    }

    private LaunchEnvelope open(String password, UUID credential, UUID bot) {
        return vault.credentials.openForLaunch(new OpenForLaunch(aliceCaller.userId(), password, credential, bot,
                botManager[1])).block();
    }

    private Map<String, String> secretsOf(LaunchEnvelope envelope, UUID credential) {
        return SecretsCodec.decode(hpke.open(botManager[0], Base64.getDecoder().decode(envelope.encapsulatedKey()),
                Base64.getDecoder().decode(envelope.ciphertext()), LaunchEnvelope.INFO.getBytes(StandardCharsets.US_ASCII),
                LaunchEnvelope.associatedData(alice.id(), envelope.botId(), credential).getBytes(StandardCharsets.US_ASCII)));
    }

    static void assertProblem(Runnable call, io.knag.kernel.ProblemType type) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(KnagException.class, e -> assertThat(e.type()).isEqualTo(type));
    }
}
