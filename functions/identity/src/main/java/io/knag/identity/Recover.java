package io.knag.identity;

import io.knag.identity.domain.Emails;
import io.knag.identity.domain.Passwords;
import io.knag.identity.domain.RecoveryCodes;
import io.knag.kernel.Validation;

/** Sets a new password with the recovery code shown at registration. */
public record Recover(String email, String recoveryCode, String newPassword) {

    public Recover {
        email = Emails.normalise(email);
        recoveryCode = recoveryCode == null ? null : RecoveryCodes.normalise(recoveryCode);
        newPassword = Passwords.normalise(newPassword);
        Validation validation = new Validation();
        validation.text(email, "email", 254);
        validation.text(recoveryCode, "recoveryCode", 64);
        Passwords.checkNew(validation, newPassword, "newPassword");
        validation.throwIfFailed();
    }

    @Override
    public String toString() {
        return "Recover[email=" + email + ", recoveryCode=***, newPassword=***]";
    }
}
