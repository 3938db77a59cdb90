package io.knag.identity.domain;

import io.knag.identity.Register;
import io.knag.kernel.Validation;

/** A display name: 1 to 100 characters, no control or bidirectional control characters. */
public final class DisplayNames {

    private DisplayNames() {
    }

    public static void check(Validation validation, String displayName) {
        validation.name(displayName, "displayName", Register.MAX_DISPLAY_NAME);
    }
}
