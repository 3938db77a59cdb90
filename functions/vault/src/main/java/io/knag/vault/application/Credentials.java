package io.knag.vault.application;

import io.knag.kernel.Ids;
import io.knag.kernel.KnagException;
import io.knag.kernel.ProblemType;
import io.knag.kernel.UserId;
import io.knag.kernel.auth.Authenticated;
import io.knag.kernel.crypto.HpkeBox;
import io.knag.kernel.crypto.Randoms;
import io.knag.kernel.crypto.SecretKeyBox.SealedBlobException;
import io.knag.vault.AddCredential;
import io.knag.vault.Broker;
import io.knag.vault.CredentialView;
import io.knag.vault.LaunchEnvelope;
import io.knag.vault.OpenForLaunch;
import io.knag.vault.RotateCredential;
import io.knag.vault.domain.Brokers;
import io.knag.vault.domain.CredentialSeals;
import io.knag.vault.domain.SecretsCodec;
import io.knag.vault.domain.StoredCredential;
import io.knag.vault.domain.VaultKey;
import io.knag.vault.domain.VaultProblems;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Broker credentials: added and rotated without the password (sealed to the owner's vault public key), after the
 * broker said what the key may do ({@link KeyProbe}: a key that can withdraw is never stored), listed as metadata
 * only, and opened only with the password, to be re-sealed for one bot launch.
 */
public final class Credentials {

    private static final Logger log = LoggerFactory.getLogger(Credentials.class);
    private static final HpkeBox hpke = HpkeBox.standard();
    private static final char[] TAG_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

    private final CredentialStore credentials;
    private final VaultKeyStore keys;
    private final VaultKeys vaultKeys;
    private final Brokers brokers;
    private final int maxCredentials;
    private final KeyProbe probe;
    private final Clock clock;

    public Credentials(CredentialStore credentials, VaultKeyStore keys, VaultKeys vaultKeys, Brokers brokers,
                       int maxCredentials, Clock clock) {
        this(credentials, keys, vaultKeys, brokers, maxCredentials, KeyProbe.NONE, clock);
    }

    public Credentials(CredentialStore credentials, VaultKeyStore keys, VaultKeys vaultKeys, Brokers brokers,
                       int maxCredentials, KeyProbe probe, Clock clock) {
        this.credentials = credentials;
        this.keys = keys;
        this.vaultKeys = vaultKeys;
        this.brokers = brokers;
        this.maxCredentials = maxCredentials;
        this.probe = probe;
        this.clock = clock;
    }

    public Mono<CredentialView> add(Authenticated<AddCredential> command) {
        UserId owner = command.caller().userId();
        AddCredential request = command.request();
        return Mono.fromCallable(() -> brokers.check(request.broker(), request.secrets()))
                .then(credentials.count(owner))
                .flatMap(count -> count >= maxCredentials ? Mono.error(new KnagException(VaultProblems.CREDENTIAL_LIMIT,
                        "A vault holds at most " + maxCredentials + " credentials; delete one first")) : publicKey(owner))
                .flatMap(publicKey -> probe.check(request.broker(), request.secrets()).thenReturn(publicKey))
                .flatMap(publicKey -> {
                    UUID id = Ids.newId(clock);
                    var stored = new StoredCredential(id, owner, request.broker(), request.label(), fingerprint(),
                            seal(owner, id, publicKey, request.secrets()), now(), now());
                    return credentials.insert(stored).thenReturn(CredentialView.of(stored));
                })
                .doOnNext(view -> log.info("credential {} added for {}", view.id(), owner));
    }

    public Mono<List<CredentialView>> list(UserId owner) {
        return credentials.list(owner).map(CredentialView::of).collectList();
    }

    public Mono<CredentialView> get(Authenticated<UUID> command) {
        return owned(command.caller().userId(), command.request()).map(CredentialView::of);
    }

    /** New secret fields for the same broker: sealed anew, with a new fingerprint. */
    public Mono<CredentialView> rotate(Authenticated<RotateCredential> command) {
        UserId owner = command.caller().userId();
        RotateCredential request = command.request();
        return owned(owner, request.id())
                .doOnNext(existing -> brokers.check(existing.broker(), request.secrets()))
                .flatMap(existing -> probe.check(existing.broker(), request.secrets()).thenReturn(existing))
                .flatMap(existing -> publicKey(owner).map(publicKey -> existing.withSecrets(
                        seal(owner, existing.id(), publicKey, request.secrets()), fingerprint(), now())))
                .flatMap(rotated -> credentials.updateSecrets(rotated).thenReturn(CredentialView.of(rotated)))
                .doOnNext(view -> log.info("credential {} rotated", view.id()));
    }

    public Mono<Void> delete(Authenticated<UUID> command) {
        return credentials.delete(command.caller().userId(), command.request())
                .flatMap(existed -> existed ? Mono.<Void>empty() : Mono.error(Credentials::notFound))
                .doOnSuccess(done -> log.info("credential {} deleted", command.request()));
    }

    /**
     * Opens the credential with the owner's password and re-seals it to the bot manager for one bot. The
     * plaintext lives only in byte arrays that are wiped before this returns.
     */
    public Mono<LaunchEnvelope> openForLaunch(OpenForLaunch command) {
        return owned(command.owner(), command.credentialId())
                .flatMap(credential -> vaultKeys.unlock(command.owner(), command.password())
                        .map(privateKey -> reseal(command, credential, privateKey)))
                .doOnNext(envelope -> log.info("credential {} opened for bot {}", command.credentialId(), command.botId()));
    }

    /** Everything of a deleted user. */
    public Mono<Void> erase(UserId owner) {
        return credentials.deleteAll(owner).then(keys.delete(owner))
                .doOnSuccess(done -> log.info("vault of deleted user {} erased", owner));
    }

    public List<Broker> brokers() {
        return brokers.all();
    }

    private static LaunchEnvelope reseal(OpenForLaunch command, StoredCredential credential, byte[] privateKey) {
        byte[] plaintext = null;
        try {
            try {
                plaintext = CredentialSeals.open(command.owner(), credential.id(), privateKey, credential.sealed());
            } catch (SealedBlobException e) {
                log.error("credential {} of {} does not open: tampered, moved or damaged", credential.id(), command.owner());
                throw new KnagException(VaultProblems.CREDENTIAL_UNREADABLE,
                        "This stored credential does not open; delete it and add it again");
            }
            byte[] aad = LaunchEnvelope.associatedData(command.owner().value(), command.botId(), credential.id())
                    .getBytes(StandardCharsets.US_ASCII);
            byte[][] sealed = hpke.seal(command.recipientPublicKey(),
                    LaunchEnvelope.INFO.getBytes(StandardCharsets.US_ASCII), aad, plaintext);
            Base64.Encoder b64 = Base64.getEncoder();
            return new LaunchEnvelope(LaunchEnvelope.VERSION, command.owner().value(), command.botId(), credential.id(),
                    credential.broker(), credential.fingerprint(), b64.encodeToString(sealed[0]),
                    b64.encodeToString(sealed[1]));
        } finally {
            Arrays.fill(privateKey, (byte) 0);
            if (plaintext != null) {
                Arrays.fill(plaintext, (byte) 0);
            }
        }
    }

    private static byte[] seal(UserId owner, UUID id, byte[] publicKey, java.util.Map<String, String> secrets) {
        byte[] plaintext = SecretsCodec.encode(secrets);
        try {
            return CredentialSeals.seal(owner, id, publicKey, plaintext);
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    private Mono<byte[]> publicKey(UserId owner) {
        return keys.find(owner).map(VaultKey::publicKey)
                .switchIfEmpty(Mono.error(() -> new KnagException(VaultProblems.VAULT_NOT_READY,
                        "This account has no vault key yet; change your password once to create it")));
    }

    private Mono<StoredCredential> owned(UserId owner, UUID id) {
        return credentials.find(owner, id).switchIfEmpty(Mono.error(Credentials::notFound));
    }

    /** PostgreSQL keeps microseconds: a view answered now equals the same view read back later. */
    private java.time.Instant now() {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    private static String fingerprint() {
        byte[] random = Randoms.bytes(8);
        StringBuilder tag = new StringBuilder(9);
        for (int i = 0; i < random.length; i++) {
            if (i == 4) {
                tag.append('-');
            }
            tag.append(TAG_ALPHABET[random[i] & 31]);
        }
        return tag.toString();
    }

    private static KnagException notFound() {
        return new KnagException(ProblemType.NOT_FOUND, "No such credential in your vault");
    }
}
