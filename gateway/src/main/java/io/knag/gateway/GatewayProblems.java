package io.knag.gateway;

import io.knag.kernel.ProblemType;

/** Problem types only the gateway answers with. */
final class GatewayProblems {

    static final ProblemType RATE_LIMITED =
            new ProblemType("rate-limited", "Too many requests; slow down", 429);
    static final ProblemType PAYLOAD_TOO_LARGE =
            new ProblemType("payload-too-large", "The request body is too large", 413);
    static final ProblemType UPSTREAM_UNAVAILABLE =
            new ProblemType("upstream-unavailable", "The service behind the gateway is not answering", 503);

    private GatewayProblems() {
    }
}
