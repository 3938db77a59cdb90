package io.knag.identity;

/** The outcome of an operator reset: shown once to the operator, who hands it to the person. */
public record AccountReset(String email, String temporaryPassword, String recoveryCode) {

    @Override
    public String toString() {
        return "AccountReset[email=" + email + ", temporaryPassword=***, recoveryCode=***]";
    }
}
