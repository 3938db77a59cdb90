package io.knag.cloudevents;

/** An event delivered over HTTP without a valid signature of this deployment's key (see {@link EventSignatures}). */
public final class EventNotSigned extends RuntimeException {

    public EventNotSigned(String message) {
        super(message, null, false, false);
    }
}
