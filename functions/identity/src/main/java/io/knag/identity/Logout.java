package io.knag.identity;

import io.knag.kernel.Validation;

/** Ends the session (the whole refresh-token family) that {@code refreshToken} belongs to. */
public record Logout(String refreshToken) {

    public Logout {
        new Validation().text(refreshToken, "refreshToken", 256).throwIfFailed();
    }

    @Override
    public String toString() {
        return "Logout[refreshToken=***]";
    }
}
