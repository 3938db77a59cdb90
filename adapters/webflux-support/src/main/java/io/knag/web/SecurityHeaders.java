package io.knag.web;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The headers every answer of an edge carries, whoever writes it (WebFlux, or the connection handlers). */
public final class SecurityHeaders {

    /** The function host's: its answers carry tokens and personal data, and are never to be sniffed. */
    public static final Map<String, String> HOST = Map.of("X-Content-Type-Options", "nosniff", "Cache-Control", "no-store");

    /** The gateway's, facing browsers: HSTS, no framing, no sniffing, no referrer, a CSP that allows nothing. */
    public static final Map<String, String> GATEWAY = gateway("default-src 'none'; frame-ancestors 'none'");

    /**
     * The gateway's for the web application's own files: the same, with a Content-Security-Policy that lets the
     * page run its own scripts and styles and call its own origin, and nothing else (no inline script, no
     * {@code eval}, no other origin, no framing, no {@code <base>}, forms only to itself).
     */
    public static final Map<String, String> WEB_APPLICATION = gateway("default-src 'none'; script-src 'self';"
            + " style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; manifest-src 'self';"
            + " base-uri 'none'; form-action 'self'; frame-ancestors 'none'");

    private SecurityHeaders() {
    }

    private static Map<String, String> gateway(String contentSecurityPolicy) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Strict-Transport-Security", "max-age=31536000");
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("X-Frame-Options", "DENY");
        headers.put("Referrer-Policy", "no-referrer");
        headers.put("Content-Security-Policy", contentSecurityPolicy);
        return Collections.unmodifiableMap(headers);
    }
}
