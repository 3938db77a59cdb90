package io.knag.identity.domain;

import io.knag.kernel.Validation;
import java.text.Normalizer;

/** How a password field is read: NFKC-normalised, and bounded before anything expensive happens. */
public final class Passwords {

    /** No password is accepted above this many code points (ASVS 6.2); nothing longer is ever hashed. */
    public static final int MAX_LENGTH = 128;
    public static final int MIN_LENGTH = 8;

    private Passwords() {
    }

    /** NFKC form of {@code password} (null stays null). Input over 4x the limit is cut before normalising. */
    public static String normalise(String password) {
        if (password == null) {
            return null;
        }
        String bounded = password.length() > MAX_LENGTH * 4 ? password.substring(0, MAX_LENGTH * 4 + 1) : password;
        return Normalizer.normalize(bounded, Normalizer.Form.NFKC);
    }

    /** A password given to prove who one is: present and not absurdly long (no policy beyond that). */
    public static void checkPresented(Validation validation, String normalised, String field) {
        validation.require(normalised != null && !normalised.isEmpty(), field, field + " is required");
        if (normalised != null) {
            validation.wellFormed(normalised, field).require(length(normalised) <= MAX_LENGTH, field,
                    field + " must be at most " + MAX_LENGTH + " characters");
        }
    }

    /**
     * A new password as a command holds it: present and well-formed Unicode (two passwords that differ only
     * in unpaired surrogates would otherwise hash alike). {@link PasswordPolicy} judges the rest.
     */
    public static void checkNew(Validation validation, String normalised, String field) {
        validation.require(normalised != null, field, field + " is required").wellFormed(normalised, field);
    }

    public static int length(String password) {
        return password.codePointCount(0, password.length());
    }
}
