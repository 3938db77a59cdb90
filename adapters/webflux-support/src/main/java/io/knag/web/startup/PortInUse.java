package io.knag.web.startup;

/** A server of the application could not bind its port; {@code property} is the setting that names the port. */
public final class PortInUse extends RuntimeException {

    private final int port;
    private final String host;
    private final String property;

    public PortInUse(int port, String host, String property, Throwable cause) {
        super("port " + port + " on " + host + " is already in use (" + property + ")", cause);
        this.port = port;
        this.host = host;
        this.property = property;
    }

    public int port() {
        return port;
    }

    public String host() {
        return host;
    }

    public String property() {
        return property;
    }
}
