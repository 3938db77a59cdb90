package io.knag.cloudevents;

/**
 * An incoming event that cannot be accepted: an unknown type, a missing or malformed attribute, data that is
 * not the type's record. The message says which, and never holds the event's data.
 */
public final class EventRejected extends RuntimeException {

    public EventRejected(String reason) {
        super(reason, null, false, false);
    }
}
