package io.knag.identity.domain;

import io.knag.kernel.Validation;
import java.util.Locale;
import java.util.regex.Pattern;

/** Email addresses as account names: trimmed, lower-cased, one {@code @}, no spaces or control characters. */
public final class Emails {

    private static final Pattern SHAPE = Pattern.compile("[^\\s@\\p{Cntrl}]{1,64}@[^\\s@\\p{Cntrl}]+\\.[^\\s@\\p{Cntrl}]+");
    private static final int MAX_LENGTH = 254;

    private Emails() {
    }

    /** The normalised form of {@code email}, or null when it is null. */
    public static String normalise(String email) {
        return email == null ? null : email.strip().toLowerCase(Locale.ROOT);
    }

    public static void check(Validation validation, String normalised, String field) {
        validation.text(normalised, field, MAX_LENGTH);
        if (normalised != null && normalised.length() <= MAX_LENGTH) {
            validation.require(SHAPE.matcher(normalised).matches(), field, field + " must be an email address");
        }
    }
}
