package io.knag.bots.application;

import io.knag.kernel.KnagException;
import io.knag.kernel.ProblemType;
import io.knag.kernel.UserId;
import io.knag.kernel.crypto.HpkeBox;
import io.knag.vault.CredentialView;
import io.knag.vault.LaunchEnvelope;
import io.knag.vault.domain.SecretsCodec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Mono;

/**
 * The vault as the bots use cases see it ({@link BotCredentials}), in memory: each owner's password and
 * credentials. A launch is refused as the vault refuses it (no such credential, wrong password) and otherwise
 * re-sealed to the bot manager's key exactly as the vault seals it (HPKE, {@link LaunchEnvelope}), so the manager
 * opens what it would open in production. The real vault is in {@code BotsModuleTest}, on PostgreSQL.
 */
public final class StandInVault implements BotCredentials {

    private record Held(UserId owner, String broker, String fingerprint, Map<String, String> secrets) {
    }

    private final Map<UserId, String> passwords = new ConcurrentHashMap<>();
    private final Map<UUID, Held> credentials = new ConcurrentHashMap<>();

    public void register(UserId owner, String password) {
        passwords.put(owner, password);
    }

    public CredentialView add(UserId owner, Map<String, String> secrets) {
        UUID id = UUID.randomUUID();
        String fingerprint = "SHA256:" + id.toString().substring(0, 8);
        credentials.put(id, new Held(owner, "alpaca", fingerprint, Map.copyOf(secrets)));
        Instant now = Instant.now();
        return new CredentialView(id, "alpaca", "paper", fingerprint, now, now);
    }

    public void delete(UUID credentialId) {
        credentials.remove(credentialId);
    }

    @Override
    public Mono<Boolean> exists(UserId owner, UUID credentialId) {
        return Mono.fromSupplier(() -> held(owner, credentialId) != null);
    }

    @Override
    public Mono<LaunchEnvelope> openForLaunch(UserId owner, String password, UUID credentialId, UUID botId,
                                              byte[] recipient) {
        return Mono.fromCallable(() -> {
            Held held = held(owner, credentialId);
            if (held == null) {
                throw new KnagException(ProblemType.NOT_FOUND, "No such credential in your vault");
            }
            if (!password.equals(passwords.get(owner))) {
                throw new KnagException(ProblemType.WRONG_PASSWORD, "The password is wrong");
            }
            byte[] aad = LaunchEnvelope.associatedData(owner.value(), botId, credentialId).getBytes(StandardCharsets.US_ASCII);
            byte[][] sealed = HpkeBox.standard().seal(recipient, LaunchEnvelope.INFO.getBytes(StandardCharsets.US_ASCII),
                    aad, SecretsCodec.encode(held.secrets()));
            Base64.Encoder b64 = Base64.getEncoder();
            return new LaunchEnvelope(LaunchEnvelope.VERSION, owner.value(), botId, credentialId, held.broker(),
                    held.fingerprint(), b64.encodeToString(sealed[0]), b64.encodeToString(sealed[1]));
        });
    }

    private Held held(UserId owner, UUID credentialId) {
        Held held = credentials.get(credentialId);
        return held != null && held.owner().equals(owner) ? held : null;
    }
}
