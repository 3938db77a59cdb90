package io.knag.web;

import io.knag.kernel.KnagException;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * A request path in anything but its one normal form is refused at the edge, before a route, a rate limit
 * or a token check looks at it: those compare the raw path, while routing decodes it, so
 * {@code /api/v1/%61uth/login} or {@code /api/v1//auth/login} would otherwise reach sign-in outside its
 * budget. Refused (400 {@code path-not-normal}): a percent-encoded unreserved character (RFC 3986 2.3: it has
 * only one normal form, plain), an encoded {@code /}, {@code \}, {@code %}, {@code ;} or control character,
 * an empty segment, a {@code .} or {@code ..} segment, a {@code ;} path parameter (matching ignores those), a
 * backslash, a malformed escape. Other escapes ({@code %20}) stay as they are: no route has them.
 */
public final class NormalPaths {

    private NormalPaths() {
    }

    /** The problem with the request's path, or null when it is in normal form. */
    public static KnagException refused(ServerHttpRequest request) {
        String problem = problem(request.getURI().getRawPath());
        return problem == null ? null : new KnagException(HttpProblems.PATH_NOT_NORMAL, problem);
    }

    /** Why {@code raw} (a path as sent, still percent-encoded) is not in normal form, or null. */
    static String problem(String raw) {
        if (raw == null || raw.isEmpty() || raw.charAt(0) != '/') {
            return "The path must start with /";
        }
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\\' || c == ';' || c < 0x20 || c == 0x7f) {
                return "The path may not hold a backslash, a ';' or a control character";
            }
            if (c == '%') {
                int decoded = i + 2 < raw.length() ? hex(raw.charAt(i + 1), raw.charAt(i + 2)) : -1;
                if (decoded < 0) {
                    return "The path has a malformed percent-escape";
                }
                if (unreserved(decoded)) {
                    return "Letters, digits and -._~ are sent as they are, not percent-encoded";
                }
                if (decoded == '/' || decoded == '\\' || decoded == '%' || decoded == ';' || decoded < 0x20
                        || decoded == 0x7f) {
                    return "The path may not hold an encoded '/', '\\', '%', ';' or control character";
                }
                i += 2;
            }
        }
        for (String segment : raw.substring(1).split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                return "The path may not hold a '.' or '..' segment";
            }
        }
        if (raw.contains("//")) {
            return "The path may not hold an empty segment (//)";
        }
        return null;
    }

    private static boolean unreserved(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~';
    }

    private static int hex(char high, char low) {
        int h = Character.digit(high, 16);
        int l = Character.digit(low, 16);
        return h < 0 || l < 0 ? -1 : h * 16 + l;
    }
}
