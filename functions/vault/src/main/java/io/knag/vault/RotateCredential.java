package io.knag.vault;

import io.knag.kernel.Validation;
import io.knag.vault.domain.Secrets;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** Replaces the secret fields of a credential (a rotated API key); its broker and label stay. */
public record RotateCredential(UUID id, Map<String, String> secrets) {

    public RotateCredential {
        Validation validation = new Validation();
        validation.require(id != null, "id", "id is required");
        Secrets.check(validation, secrets);
        validation.throwIfFailed();
        secrets = java.util.Collections.unmodifiableMap(new TreeMap<>(secrets));
    }

    /** The body of the HTTP request: the id comes from the path. */
    public record Body(Map<String, String> secrets) {

        @Override
        public String toString() {
            return "Body[secrets=***]";
        }
    }

    @Override
    public String toString() {
        return "RotateCredential[id=" + id + ", secrets=***]";
    }
}
