package io.knag.cloudevents;

import io.knag.kernel.ProblemType;

/** How an HTTP sink answers an event it cannot accept (4xx: a broker does not retry it, it dead-letters it). */
public final class EventProblems {

    public static final ProblemType EVENT_REJECTED = new ProblemType("event-rejected",
            "The event is not one this service accepts", 400);

    private EventProblems() {
    }
}
