package io.knag.identity;

import io.knag.identity.domain.DisplayNames;
import io.knag.kernel.Validation;

/** Changes what may be changed of one's account without a password: the display name. */
public record UpdateAccount(String displayName) {

    public UpdateAccount {
        displayName = displayName == null ? null : displayName.strip();
        Validation validation = new Validation();
        DisplayNames.check(validation, displayName);
        validation.throwIfFailed();
    }
}
