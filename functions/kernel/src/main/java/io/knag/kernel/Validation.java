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

    /**
     * Requires a present text of at most {@code maxLength} code points that is well-formed Unicode: an unpaired
     * surrogate (JSON's {@code "\ud800"}) has no UTF-8 form and would be stored as {@code ?}.
     */
    public Validation text(String value, String field, int maxLength) {
        if (value == null) {
            return require(false, field, field + " is required");
        }
        return wellFormed(value, field).require(value.codePointCount(0, value.length()) <= maxLength, field,
                field + " must be at most " + maxLength + " characters");
    }

    /** Requires {@code value}, when present, to be well-formed Unicode (every surrogate paired). */
    public Validation wellFormed(String value, String field) {
        return require(value == null || Texts.isWellFormed(value), field,
                field + " must be valid Unicode text (it holds an unpaired surrogate)");
    }

    /**
     * Requires a name other people may see (a display name, a bot's name, a label): {@link #text}, not blank,
     * and free of control characters and of the bidirectional controls that make a name read as another.
     */
    public Validation name(String value, String field, int maxLength) {
        text(value, field, maxLength);
        if (value != null) {
            require(!value.isBlank(), field, field + " must not be blank");
            require(value.codePoints().noneMatch(Character::isISOControl), field,
                    field + " must not contain control characters");
            require(value.codePoints().noneMatch(Texts::isBidiControl), field,
                    field + " must not contain bidirectional control characters (such as U+202E)");
        }
        return this;
    }

    public void throwIfFailed() {
        if (!violations.isEmpty()) {
            throw KnagException.invalid(violations);
        }
    }
}
