package io.knag.bots.domain;

import io.knag.kernel.KnagException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A bot's strategy parameters: a JSON object of at most {@link #MAX_BYTES} bytes and {@link #MAX_DEPTH}
 * levels, handed to the bot as {@code KNAG_PARAMS}. Parameters are configuration, not secrets: broker keys
 * belong in the vault.
 */
public record BotParams(Map<String, Object> values, String json) {

    public static final int MAX_BYTES = 16 * 1024;
    public static final int MAX_DEPTH = 8;
    public static final BotParams EMPTY = new BotParams(Map.of(), "{}");

    /** Parameters as stored: checked when they were defined, taken as they are. */
    public static BotParams stored(Map<String, Object> values, String json) {
        return new BotParams(Collections.unmodifiableMap(new LinkedHashMap<>(values)), json);
    }

    public static BotParams of(Map<String, Object> values) {
        if (values == null || values.isEmpty()) {
            return EMPTY;
        }
        String json;
        try {
            json = JsonText.write(values, MAX_DEPTH);
        } catch (JsonText.TooDeepException e) {
            throw new KnagException(BotProblems.PARAMS_TOO_LARGE,
                    "params may nest at most " + MAX_DEPTH + " levels deep");
        } catch (JsonText.NotJsonException e) {
            throw KnagException.invalid(java.util.List.of(new KnagException.Violation("params", "params: " + e.getMessage())));
        }
        int size = json.getBytes(StandardCharsets.UTF_8).length;
        if (size > MAX_BYTES) {
            throw new KnagException(BotProblems.PARAMS_TOO_LARGE,
                    "params take " + size + " bytes as JSON; at most " + MAX_BYTES + " are allowed");
        }
        return new BotParams(Collections.unmodifiableMap(new LinkedHashMap<>(values)), json);
    }
}
