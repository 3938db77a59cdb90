package io.knag.identity;

import io.knag.identity.domain.Passwords;
import io.knag.kernel.Validation;

/** Deletes the caller's account for good; the password confirms it is really them. */
public record DeleteAccount(String password) {

    public DeleteAccount {
        password = Passwords.normalise(password);
        Validation validation = new Validation();
        Passwords.checkPresented(validation, password, "password");
        validation.throwIfFailed();
    }

    @Override
    public String toString() {
        return "DeleteAccount[password=***]";
    }
}
