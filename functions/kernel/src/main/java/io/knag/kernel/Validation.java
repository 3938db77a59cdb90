package io.knag.kernel;

import java.util.ArrayList;
import java.util.List;

/** Collects field violations in a command's constructor and throws them together. */
public final class Validation {

    private final List<KnagException.Violation> violations = new ArrayList<>();

    public Validation require(boolean condition, String field, String message) {
        if (!condition) {
            violations.add(new KnagException.Violation(field, message));
        }
        return this;
    }

    /** Requires a present text of at most {@code maxLength} code points. */
    public Validation text(String value, String field, int maxLength) {
        if (value == null) {
            return require(false, field, field + " is required");
        }
        return require(value.codePointCount(0, value.length()) <= maxLength, field,
                field + " must be at most " + maxLength + " characters");
    }

    public void throwIfFailed() {
        if (!violations.isEmpty()) {
            throw KnagException.invalid(violations);
        }
    }
}
