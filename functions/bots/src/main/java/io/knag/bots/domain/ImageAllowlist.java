package io.knag.bots.domain;

import io.knag.kernel.KnagException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The images an operator lets people run. An entry ending in {@code /} admits every repository under it
 * ({@code ghcr.io/my-community/}); any other entry admits exactly that repository at any tag or digest
 * ({@code knag/heartbeat-bot} admits {@code knag/heartbeat-bot:1}, not {@code knag/heartbeat-bot-2}).
 */
public record ImageAllowlist(List<String> entries) {

    static final int MAX_LENGTH = 255;
    private static final Pattern REFERENCE = Pattern.compile(
            "[a-z0-9]+(?:[._-][a-z0-9]+)*(?::[0-9]{1,5})?(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*"
                    + "(?::[A-Za-z0-9_][A-Za-z0-9._-]{0,127})?(?:@sha256:[a-f0-9]{64})?");

    public ImageAllowlist {
        entries = List.copyOf(entries);
    }

    static boolean isWellFormed(String image) {
        return image.length() <= MAX_LENGTH && REFERENCE.matcher(image).matches();
    }

    public boolean allows(String image) {
        for (String entry : entries) {
            if (entry.endsWith("/") ? image.startsWith(entry)
                    : image.equals(entry) || image.startsWith(entry + ":") || image.startsWith(entry + "@")) {
                return true;
            }
        }
        return false;
    }

    public void check(String image) {
        if (!allows(image)) {
            throw new KnagException(BotProblems.IMAGE_NOT_ALLOWED,
                    "The image " + image + " is not on this platform's allowlist; ask the operator, or use one of "
                            + String.join(", ", entries));
        }
    }
}
