package io.knag.identity;

/** A fresh recovery code, shown once. */
public record RecoveryCode(String recoveryCode) {

    @Override
    public String toString() {
        return "RecoveryCode[***]";
    }
}
