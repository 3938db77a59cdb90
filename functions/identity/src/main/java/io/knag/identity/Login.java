package io.knag.identity;

import io.knag.identity.domain.Emails;
import io.knag.identity.domain.Passwords;
import io.knag.kernel.Validation;

/** Proves who one is with email and password. */
public record Login(String email, String password) {

    public Login {
        email = Emails.normalise(email);
        password = Passwords.normalise(password);
        Validation validation = new Validation();
        validation.text(email, "email", 254);
        Passwords.checkPresented(validation, password, "password");
        validation.throwIfFailed();
    }

    @Override
    public String toString() {
        return "Login[email=" + email + ", password=***]";
    }
}
