package io.knag.identity;

import io.knag.identity.domain.DisplayNames;
import io.knag.identity.domain.Emails;
import io.knag.identity.domain.Passwords;
import io.knag.kernel.Validation;

/** Opens an account. The password is checked against {@link PasswordPolicy} by the use case. */
public record Register(String email, String password, String displayName) {

    public static final int MAX_DISPLAY_NAME = 100;

    public Register {
        email = Emails.normalise(email);
        password = Passwords.normalise(password);
        displayName = displayName == null ? null : displayName.strip();
        Validation validation = new Validation();
        Emails.check(validation, email, "email");
        Passwords.checkNew(validation, password, "password");
        DisplayNames.check(validation, displayName);
        validation.throwIfFailed();
    }

    @Override
    public String toString() {
        return "Register[email=" + email + ", password=***, displayName=" + displayName + "]";
    }
}
