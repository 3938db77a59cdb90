package io.knag.embedded.postgres;

import java.nio.file.Path;

/** The embedded PostgreSQL could not start, and why, so that its owner can say what to do. */
public final class EmbeddedPostgresException extends IllegalStateException {

    /** Why it could not start. */
    public enum Reason {
        /** Another process listens on the port it was given. */
        PORT_IN_USE,
        /** A live process already runs a server on this data directory. */
        DATA_DIRECTORY_IN_USE,
        /** initdb or pg_ctl failed; the message carries their last words. */
        FAILED
    }

    private final Reason reason;
    private final int port;
    private final Path dataDirectory;

    EmbeddedPostgresException(Reason reason, int port, Path dataDirectory, String message) {
        super(message);
        this.reason = reason;
        this.port = port;
        this.dataDirectory = dataDirectory;
    }

    public Reason reason() {
        return reason;
    }

    public int port() {
        return port;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }
}
