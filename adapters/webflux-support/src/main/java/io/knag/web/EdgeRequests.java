package io.knag.web;

import io.knag.kernel.KnagException;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * What every HTTP edge (the gateway, the function host) refuses before any route, limit or token check: a
 * body declared over its limit, a path not in normal form ({@link NormalPaths}), media-type headers that do
 * not parse ({@link MediaTypeHeaders}). One list, so the two edges cannot drift apart.
 */
public final class EdgeRequests {

    private EdgeRequests() {
    }

    /** The problem that refuses {@code request}, or null when it may go on. */
    public static KnagException refused(ServerHttpRequest request, long maxBodyBytes) {
        if (request.getHeaders().getContentLength() > maxBodyBytes) {
            return new KnagException(HttpProblems.PAYLOAD_TOO_LARGE,
                    "The request body may be at most " + maxBodyBytes + " bytes");
        }
        KnagException path = NormalPaths.refused(request);
        return path != null ? path : MediaTypeHeaders.malformed(request.getHeaders());
    }
}
