package io.knag.identity;

import io.knag.kernel.Validation;

/** Trades a refresh token for a new token pair; the presented token is spent. */
public record Refresh(String refreshToken) {

    public Refresh {
        new Validation().text(refreshToken, "refreshToken", 256).throwIfFailed();
    }

    @Override
    public String toString() {
        return "Refresh[refreshToken=***]";
    }
}
