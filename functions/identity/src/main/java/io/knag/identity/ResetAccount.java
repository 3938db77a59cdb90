package io.knag.identity;

import io.knag.identity.domain.Emails;
import io.knag.kernel.Validation;

/** An operator's reset of the account with this email (its vault is emptied). */
public record ResetAccount(String email) {

    public ResetAccount {
        email = Emails.normalise(email);
        new Validation().text(email, "email", 254).throwIfFailed();
    }
}
