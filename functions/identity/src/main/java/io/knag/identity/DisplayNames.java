package io.knag.identity;

import io.knag.kernel.Validation;

/** A display name: 1 to 100 characters, no control characters. */
final class DisplayNames {

    private DisplayNames() {
    }

    static void check(Validation validation, String displayName) {
        validation.text(displayName, "displayName", Register.MAX_DISPLAY_NAME);
        if (displayName != null) {
            validation.require(!displayName.isEmpty(), "displayName", "displayName must not be blank");
            validation.require(displayName.codePoints().noneMatch(Character::isISOControl), "displayName",
                    "displayName must not contain control characters");
        }
    }
}
