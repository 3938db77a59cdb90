package io.knag.kernel.persistence;

import java.nio.ByteBuffer;

/** Reading R2DBC column values. */
public final class Columns {

    private Columns() {
    }

    /** A {@code bytea} column as a byte array (null stays null). */
    public static byte[] bytes(ByteBuffer buffer) {
        if (buffer == null) {
            return null;
        }
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }
}
