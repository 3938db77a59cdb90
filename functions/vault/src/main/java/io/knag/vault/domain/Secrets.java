package io.knag.vault.domain;

import io.knag.kernel.Validation;
import java.util.Map;
import java.util.regex.Pattern;

/** The shape rules every set of secret fields follows, whatever the broker. */
public final class Secrets {

    static final int MAX_FIELDS = 8;
    static final int MAX_VALUE_LENGTH = 4096;
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9]{0,31}");

    private Secrets() {
    }

    public static void check(Validation validation, Map<String, String> secrets) {
        if (secrets == null) {
            validation.require(false, "secrets", "secrets is required");
            return;
        }
        validation.require(secrets.size() <= MAX_FIELDS, "secrets", "secrets may have at most " + MAX_FIELDS + " fields");
        secrets.forEach((name, value) -> {
            validation.require(NAME.matcher(name).matches(), "secrets", "secret field names are short identifiers");
            validation.require(value != null && !value.isBlank(), "secrets." + name, name + " must not be empty");
            validation.require(value == null || value.length() <= MAX_VALUE_LENGTH, "secrets." + name,
                    name + " must be at most " + MAX_VALUE_LENGTH + " characters");
            validation.wellFormed(value, "secrets." + name);
        });
    }
}
