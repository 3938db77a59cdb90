package io.knag.identity;

import io.knag.identity.domain.Passwords;
import io.knag.kernel.Validation;

/** Replaces the caller's password; every session ends. */
public record ChangePassword(String currentPassword, String newPassword) {

    public ChangePassword {
        currentPassword = Passwords.normalise(currentPassword);
        newPassword = Passwords.normalise(newPassword);
        Validation validation = new Validation();
        Passwords.checkPresented(validation, currentPassword, "currentPassword");
        Passwords.checkNew(validation, newPassword, "newPassword");
        validation.throwIfFailed();
    }

    @Override
    public String toString() {
        return "ChangePassword[currentPassword=***, newPassword=***]";
    }
}
