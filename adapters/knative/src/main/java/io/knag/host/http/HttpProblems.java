package io.knag.host.http;

import io.knag.kernel.ProblemType;

/** Problem types that only exist at the HTTP edge. */
final class HttpProblems {

    static final ProblemType PAYLOAD_TOO_LARGE =
            new ProblemType("payload-too-large", "The request body is too large", 413);
    static final ProblemType UNSUPPORTED_MEDIA_TYPE =
            new ProblemType("unsupported-media-type", "The request body must be application/json", 415);
    static final ProblemType NOT_ACCEPTABLE =
            new ProblemType("not-acceptable", "The response can only be JSON", 406);
    static final ProblemType METHOD_NOT_ALLOWED =
            new ProblemType("method-not-allowed", "This method is not allowed here", 405);

    private HttpProblems() {
    }
}
