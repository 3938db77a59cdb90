package io.knag.bots.application;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The file a bot reads its broker keys and its report token from:
 * {@code {"broker": ..., "fingerprint": ..., "reportToken": ..., "secrets": {...}}}.
 * Written from the vault's secret encoding (see {@code SecretsCodec}) byte by byte, so no String ever holds
 * a secret; the caller wipes both arrays.
 */
final class CredentialsFile {

    private CredentialsFile() {
    }

    static byte[] render(String broker, String fingerprint, String reportToken, byte[] encodedSecrets) {
        var out = new WipingBuffer(encodedSecrets.length * 2 + 256);
        out.ascii("{\"broker\":");
        out.string(broker.getBytes(StandardCharsets.UTF_8));
        out.ascii(",\"fingerprint\":");
        out.string(fingerprint.getBytes(StandardCharsets.UTF_8));
        out.ascii(",\"reportToken\":");
        out.string(reportToken.getBytes(StandardCharsets.US_ASCII));
        out.ascii(",\"secrets\":{");
        ByteBuffer in = ByteBuffer.wrap(encodedSecrets);
        boolean first = true;
        while (in.hasRemaining()) {
            out.ascii(first ? "" : ",");
            first = false;
            out.string(field(in, Short.toUnsignedInt(in.getShort())));
            out.ascii(":");
            out.string(field(in, in.getInt()));
        }
        out.ascii("}}\n");
        return out.finish();
    }

    private static byte[] field(ByteBuffer in, int length) {
        if (length < 0 || length > in.remaining()) {
            throw new IllegalArgumentException("malformed secrets encoding");
        }
        byte[] bytes = new byte[length];
        in.get(bytes);
        return bytes;
    }

    /** A growing byte buffer that wipes every array it outgrows and every field it is given. */
    private static final class WipingBuffer extends ByteArrayOutputStream {

        WipingBuffer(int size) {
            super(size);
        }

        void ascii(String text) {
            writeBytes(text.getBytes(StandardCharsets.US_ASCII));
        }

        /** A JSON string of UTF-8 bytes: quotes, backslashes and control bytes escaped; the input wiped. */
        void string(byte[] utf8) {
            write('"');
            for (byte b : utf8) {
                int c = b & 0xff;
                if (c == '"' || c == '\\') {
                    write('\\');
                    write(c);
                } else if (c < 0x20) {
                    ascii(String.format("\\u%04x", c));
                } else {
                    write(c);
                }
            }
            write('"');
            Arrays.fill(utf8, (byte) 0);
        }

        @Override
        public synchronized void write(int b) {
            if (count == buf.length) {
                byte[] old = buf;
                buf = Arrays.copyOf(buf, buf.length * 2);
                Arrays.fill(old, (byte) 0);
            }
            buf[count++] = (byte) b;
        }

        @Override
        public void writeBytes(byte[] bytes) {
            for (byte b : bytes) {
                write(b);
            }
        }

        byte[] finish() {
            byte[] result = Arrays.copyOf(buf, count);
            Arrays.fill(buf, (byte) 0);
            return result;
        }
    }
}
