package io.knag.web;

import io.knag.kernel.ProblemType;

/** Problem types that only exist at an HTTP edge (function host or gateway). */
public final class HttpProblems {

    public static final ProblemType PAYLOAD_TOO_LARGE =
            new ProblemType("payload-too-large", "The request body is too large", 413);
    public static final ProblemType UNSUPPORTED_MEDIA_TYPE =
            new ProblemType("unsupported-media-type", "The request body must be application/json", 415);
    public static final ProblemType NOT_ACCEPTABLE =
            new ProblemType("not-acceptable", "The response can only be JSON", 406);
    public static final ProblemType RATE_LIMITED =
            new ProblemType("rate-limited", "Too many requests; slow down", 429);
    public static final ProblemType UPSTREAM_UNAVAILABLE =
            new ProblemType("upstream-unavailable", "The service behind the gateway is not answering", 503);
    public static final ProblemType PATH_NOT_NORMAL =
            new ProblemType("path-not-normal", "The request path is not in its one normal form", 400);
    public static final ProblemType METHOD_NOT_ALLOWED =
            new ProblemType("method-not-allowed", "This method is not allowed here", 405);

    private HttpProblems() {
    }
}
