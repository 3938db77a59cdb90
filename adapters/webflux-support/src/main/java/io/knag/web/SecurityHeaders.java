package io.knag.web;

import java.util.LinkedHashMap;
import java.util.Map;

/** The headers every answer of an edge carries, whoever writes it (WebFlux, or the connection handlers). */
public final class SecurityHeaders {

    /** The function host's: its answers carry tokens and personal data, and are never to be sniffed. */
    public static final Map<String, String> HOST = Map.of("X-Content-Type-Options", "nosniff", "Cache-Control", "no-store");

    /** The gateway's, facing browsers: HSTS, no framing, no sniffing, no referrer, a CSP that allows nothing. */
    public static final Map<String, String> GATEWAY = gateway();

    private SecurityHeaders() {
    }

    private static Map<String, String> gateway() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Strict-Transport-Security", "max-age=31536000");
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("X-Frame-Options", "DENY");
        headers.put("Referrer-Policy", "no-referrer");
        headers.put("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
        return java.util.Collections.unmodifiableMap(headers);
    }
}
