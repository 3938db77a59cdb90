package io.knag.identity.domain;

import io.knag.kernel.KnagException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Rules for a new password (ASVS 6.2): 8 to 128 characters, not only spaces, no control characters (NUL,
 * escape, ...: nothing a keyboard types), not on the list of common passwords, not the account's own email;
 * no composition rules. The list loads on first use.
 */
public final class PasswordPolicy {

    private volatile Set<String> common;

    /** Throws {@code weak-password} when {@code password} (already normalised) may not be used. */
    public void check(String password, String email) {
        int length = Passwords.length(password);
        if (length < Passwords.MIN_LENGTH) {
            throw weak("The password must be at least " + Passwords.MIN_LENGTH + " characters long");
        }
        if (length > Passwords.MAX_LENGTH) {
            throw weak("The password must be at most " + Passwords.MAX_LENGTH + " characters long");
        }
        if (password.isBlank()) {
            throw weak("The password must not be only spaces");
        }
        if (password.codePoints().anyMatch(Character::isISOControl)) {
            throw weak("The password must not contain control characters");
        }
        String folded = password.toLowerCase(Locale.ROOT);
        if (commonPasswords().contains(folded)) {
            throw weak("This password is too common; choose one that is harder to guess");
        }
        if (email != null && (folded.equals(email) || folded.equals(email.substring(0, Math.max(0, email.indexOf('@')))))) {
            throw weak("The password must not be your email address");
        }
    }

    private Set<String> commonPasswords() {
        Set<String> loaded = common;
        if (loaded == null) {
            loaded = load();
            common = loaded;
        }
        return loaded;
    }

    private static Set<String> load() {
        var stream = PasswordPolicy.class.getResourceAsStream("common-passwords.txt");
        if (stream == null) {
            throw new IllegalStateException("common-passwords.txt is missing from the classpath");
        }
        Set<String> words = new HashSet<>(16_384);
        try (var reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            reader.lines().filter(line -> !line.startsWith("#") && !line.isBlank())
                    .forEach(line -> words.add(line.strip().toLowerCase(Locale.ROOT)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }

    private static KnagException weak(String detail) {
        return new KnagException(IdentityProblems.WEAK_PASSWORD, detail);
    }
}
