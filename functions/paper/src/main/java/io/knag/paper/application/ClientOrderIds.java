package io.knag.paper.application;

import io.knag.kernel.crypto.Randoms;

/** The client order id the exchange gives an order (or a cancel) that came without one: 22 random letters and digits. */
public final class ClientOrderIds {

    private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    private ClientOrderIds() {
    }

    public static String next() {
        byte[] random = Randoms.bytes(22);
        StringBuilder id = new StringBuilder(22);
        for (byte b : random) {
            id.append(ALPHABET[(b & 0xFF) % ALPHABET.length]);
        }
        return id.toString();
    }
}
