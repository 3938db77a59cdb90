package io.knag.bots.domain;

import java.util.List;
import java.util.Map;

/** Writes the values a JSON reader produces (maps, lists, strings, numbers, booleans, null) as compact JSON. */
final class JsonText {

    static final class TooDeepException extends RuntimeException {
        TooDeepException() {
            super("too deep", null, false, false);
        }
    }

    /** A value PostgreSQL's JSON cannot hold (a non-finite number, a NUL character, an unpaired surrogate). */
    static final class NotJsonException extends RuntimeException {
        NotJsonException(String reason) {
            super(reason, null, false, false);
        }
    }

    private JsonText() {
    }

    static String write(Object value, int maxDepth) {
        StringBuilder out = new StringBuilder();
        write(value, out, maxDepth);
        return out.toString();
    }

    private static void write(Object value, StringBuilder out, int depthLeft) {
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            if (depthLeft == 0) {
                throw new TooDeepException();
            }
        }
        if (value == null) {
            out.append("null");
        } else if (value instanceof String text) {
            string(text, out);
        } else if (value instanceof Double d && !Double.isFinite(d) || value instanceof Float f && !Float.isFinite(f)) {
            throw new NotJsonException("numbers must be finite");
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                out.append(first ? "" : ",");
                first = false;
                string(String.valueOf(entry.getKey()), out);
                out.append(':');
                write(entry.getValue(), out, depthLeft - 1);
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                out.append(i == 0 ? "" : ",");
                write(list.get(i), out, depthLeft - 1);
            }
            out.append(']');
        } else {
            throw new IllegalArgumentException("not a JSON value: " + value.getClass().getSimpleName());
        }
    }

    static void string(String text, StringBuilder out) {
        if (text.indexOf('\u0000') >= 0) {
            throw new NotJsonException("text must not contain NUL characters");
        }
        if (!io.knag.kernel.Texts.isWellFormed(text)) {
            throw new NotJsonException("text must be valid Unicode (it holds an unpaired surrogate)");
        }
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
