package io.knag.vault;

import java.util.UUID;

/**
 * A credential re-sealed for one launch, to the bot manager's public key (HPKE base mode, X25519,
 * HKDF-SHA256, AES-256-GCM, info {@code knag/bot-launch}, associated data
 * {@code knag/bot-launch/v1|<owner>|<bot>|<credential>}). It travels in {@code io.knag.bot.start.requested};
 * only the bot manager opens it, where the bot's runtime secret is created. Base64 fields.
 */
public record LaunchEnvelope(int version, UUID owner, UUID botId, UUID credentialId, String broker, String fingerprint,
                             String encapsulatedKey, String ciphertext) {

    public static final int VERSION = 1;
    public static final String INFO = "knag/bot-launch";

    public static String associatedData(UUID owner, UUID botId, UUID credentialId) {
        return "knag/bot-launch/v1|" + owner + "|" + botId + "|" + credentialId;
    }
}
