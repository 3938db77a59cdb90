package io.knag.identity;

import io.knag.kernel.Validation;

/** A display name: 1 to 100 characters, no control or bidirectional control characters. */
final class DisplayNames {

    private DisplayNames() {
    }

    static void check(Validation validation, String displayName) {
        validation.name(displayName, "displayName", Register.MAX_DISPLAY_NAME);
    }
}
