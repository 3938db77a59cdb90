package io.knag.identity;

import java.util.UUID;

/** A new account, with the recovery code that is shown this once and never again. */
public record Registered(UUID id, String email, String displayName, String recoveryCode) {

    @Override
    public String toString() {
        return "Registered[id=" + id + ", email=" + email + ", recoveryCode=***]";
    }
}
