package io.knag.vault;

import java.io.ByteArrayOutputStream;
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
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new TreeMap<>(secrets).forEach((name, value) -> {
            byte[] n = name.getBytes(StandardCharsets.UTF_8);
            byte[] v = value.getBytes(StandardCharsets.UTF_8);
            out.writeBytes(ByteBuffer.allocate(2).putShort((short) n.length).array());
            out.writeBytes(n);
            out.writeBytes(ByteBuffer.allocate(4).putInt(v.length).array());
            out.writeBytes(v);
            java.util.Arrays.fill(v, (byte) 0);
        });
        return out.toByteArray();
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
