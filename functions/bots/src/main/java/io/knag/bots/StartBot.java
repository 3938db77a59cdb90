package io.knag.bots;

import io.knag.kernel.Validation;
import java.util.Objects;
import java.util.UUID;

/** Starts a bot: the password opens its credential in the vault for this one launch. */
public record StartBot(UUID id, String password) {

    public record Body(String password) {

        public Body {
            new Validation().text(password, "password", 1024).throwIfFailed();
        }

        @Override
        public String toString() {
            return "Body[password=***]";
        }
    }

    public StartBot {
        Objects.requireNonNull(id, "id");
        new Validation().text(password, "password", 1024).throwIfFailed();
    }

    @Override
    public String toString() {
        return "StartBot[id=" + id + ", password=***]";
    }
}
