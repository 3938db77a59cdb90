package io.knag.vault;

import io.knag.kernel.Validation;
import io.knag.vault.domain.Secrets;
import java.util.Map;
import java.util.TreeMap;

/** Stores a broker credential. Needs no password: it is sealed to the owner's vault public key. */
public record AddCredential(String broker, String label, Map<String, String> secrets) {

    public AddCredential {
        label = label == null ? null : label.strip();
        Validation validation = new Validation();
        validation.text(broker, "broker", 40);
        validation.name(label, "label", 100);
        Secrets.check(validation, secrets);
        validation.throwIfFailed();
        secrets = java.util.Collections.unmodifiableMap(new TreeMap<>(secrets));
    }

    @Override
    public String toString() {
        return "AddCredential[broker=" + broker + ", label=" + label + ", secrets=***]";
    }
}
