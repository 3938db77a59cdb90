package io.knag.paper.domain;

/** A request the exchange refuses, with its code and a message in the exchange API's words (no secret in it). */
public final class ExchangeRejected extends RuntimeException {

    private final Rejection rejection;

    public ExchangeRejected(Rejection rejection, String message) {
        super(message, null, false, false);
        this.rejection = rejection;
    }

    public Rejection rejection() {
        return rejection;
    }
}
