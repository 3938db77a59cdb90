package io.knag.cloudevents;

import io.knag.kernel.ProblemType;

/** How an HTTP sink answers an event it cannot accept (4xx: a broker does not retry it, it dead-letters it). */
public final class EventProblems {

    public static final ProblemType EVENT_REJECTED = new ProblemType("event-rejected",
            "The event is not one this service accepts", 400);

    /** No signature of this deployment's key: not retried either, as it will not verify the next time. */
    public static final ProblemType EVENT_NOT_SIGNED = new ProblemType("event-not-signed",
            "The event is not signed with this deployment's key", 401);

    private EventProblems() {
    }
}
