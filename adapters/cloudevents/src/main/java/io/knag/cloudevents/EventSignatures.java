package io.knag.cloudevents;

import io.cloudevents.CloudEvent;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Who may deliver an event over HTTP (Knative): whoever holds the deployment's signing key
 * ({@code KNAG_EVENTS_SIGNING_KEY}, at least 32 random bytes, base64). Each event is sent with the extension
 * attribute {@value #EXTENSION} = {@code v1=} and the base64url HMAC-SHA256, under that key, of its id, source,
 * type, subject, time, data content type and data, each length-prefixed; a sink refuses an event without a
 * signature that verifies. A broker passes extension attributes through unchanged.
 *
 * <p>What it does not do: tell one holder of the key from another (every function group holds it), or refuse a
 * replay of a genuinely signed event (consumers are idempotent on the event id, so a replay changes nothing).
 */
public final class EventSignatures {

    public static final String EXTENSION = "knagsignature";
    public static final int MIN_KEY_BYTES = 32;
    private static final String VERSION = "v1=";

    private final SecretKeySpec key;

    private EventSignatures(byte[] key) {
        this.key = new SecretKeySpec(key, "HmacSHA256");
    }

    /** The signatures under {@code base64Key}; refuses a key that does not decode or is shorter than 32 bytes. */
    public static EventSignatures withKey(String base64Key) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64Key.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the events signing key must be base64");
        }
        if (key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("the events signing key must be at least " + MIN_KEY_BYTES
                    + " random bytes (openssl rand -base64 32)");
        }
        try {
            return new EventSignatures(key);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    public String sign(CloudEvent event) {
        return VERSION + Base64.getUrlEncoder().withoutPadding().encodeToString(mac(event));
    }

    /** Whether {@code event} carries a signature of this key over exactly its attributes and data. */
    public boolean verifies(CloudEvent event) {
        Object given = event.getExtension(EXTENSION);
        if (!(given instanceof String text) || !text.startsWith(VERSION)) {
            return false;
        }
        byte[] claimed;
        try {
            claimed = Base64.getUrlDecoder().decode(text.substring(VERSION.length()));
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(claimed, mac(event));
    }

    private byte[] mac(CloudEvent event) {
        ByteArrayOutputStream signed = new ByteArrayOutputStream();
        field(signed, "knag-event-v1".getBytes(StandardCharsets.UTF_8));
        field(signed, text(event.getId()));
        field(signed, text(event.getSource() == null ? null : event.getSource().toString()));
        field(signed, text(event.getType()));
        field(signed, text(event.getSubject()));
        field(signed, text(event.getTime() == null ? null : event.getTime().toInstant().toString()));
        field(signed, text(event.getDataContentType()));
        field(signed, event.getData() == null ? new byte[0] : event.getData().toBytes());
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(signed.toByteArray());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static byte[] text(String value) {
        return value == null ? new byte[0] : value.getBytes(StandardCharsets.UTF_8);
    }

    private static void field(ByteArrayOutputStream out, byte[] value) {
        out.writeBytes(ByteBuffer.allocate(4).putInt(value.length).array());
        out.writeBytes(value);
    }
}
