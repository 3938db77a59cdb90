package io.knag.kernel;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A failure the caller caused or can act on. Its {@code detail} is written for the caller and never
 * holds a secret; every adapter maps it, in one place, to its platform's error shape.
 */
public class KnagException extends RuntimeException {

    private final transient ProblemType type;
    private final transient List<Violation> violations;
    private final transient Duration retryAfter;

    public KnagException(ProblemType type, String detail) {
        this(type, detail, List.of(), null);
    }

    public KnagException(ProblemType type, String detail, List<Violation> violations, Duration retryAfter) {
        super(detail, null, false, false);
        this.type = Objects.requireNonNull(type, "type");
        this.violations = List.copyOf(violations);
        this.retryAfter = retryAfter;
    }

    public static KnagException invalid(List<Violation> violations) {
        return new KnagException(ProblemType.VALIDATION_FAILED,
                violations.size() == 1 ? violations.get(0).message() : "Some fields are missing or invalid",
                violations, null);
    }

    public ProblemType type() {
        return type;
    }

    public String detail() {
        return getMessage();
    }

    public List<Violation> violations() {
        return violations;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** One field that failed validation: its JSON name and what is wrong with it (never its value). */
    public record Violation(String field, String message) {
    }
}
