package io.knag.vault.domain;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * Secret fields as bytes, for sealing: per field, sorted by name, a 2-byte name length, the UTF-8 name, a
 * 4-byte value length and the UTF-8 value. Callers wipe the bytes when done with them.
 */
public final class SecretsCodec {

    private SecretsCodec() {
    }

    public static byte[] encode(Map<String, String> secrets) {
        Map<String, String> sorted = new TreeMap<>(secrets);
        int size = 0;
        for (Map.Entry<String, String> entry : sorted.entrySet()) {
            size += 2 + utf8Length(entry.getKey()) + 4 + utf8Length(entry.getValue());
        }
        // Written straight into the result: no intermediate buffer holds the plaintext.
        ByteBuffer out = ByteBuffer.allocate(size);
        sorted.forEach((name, value) -> {
            byte[] n = name.getBytes(StandardCharsets.UTF_8);
            byte[] v = value.getBytes(StandardCharsets.UTF_8);
            out.putShort((short) n.length).put(n).putInt(v.length).put(v);
            java.util.Arrays.fill(v, (byte) 0);
        });
        return out.array();
    }

    /** The UTF-8 length, counted without making a copy of the text. */
    private static int utf8Length(String text) {
        return text.codePoints().map(c -> c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4).sum();
    }

    public static Map<String, String> decode(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        Map<String, String> secrets = new TreeMap<>();
        while (in.hasRemaining()) {
            String name = read(in, Short.toUnsignedInt(in.getShort()));
            secrets.put(name, read(in, in.getInt()));
        }
        return secrets;
    }

    private static String read(ByteBuffer in, int length) {
        if (length < 0 || length > in.remaining()) {
            throw new IllegalArgumentException("malformed secrets encoding");
        }
        byte[] bytes = new byte[length];
        in.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
