package io.knag.paper.domain;

import java.util.Locale;

/** What a paper account's API key may do besides reading: trade, and (to test a bot's key hygiene) withdraw. */
public enum Permission {
    TRADE, WITHDRAW;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Permission of(String id) {
        for (Permission permission : values()) {
            if (permission.id().equals(id)) {
                return permission;
            }
        }
        throw new IllegalArgumentException("unknown permission " + id);
    }
}
