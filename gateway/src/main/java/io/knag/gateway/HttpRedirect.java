package io.knag.gateway;

import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import io.knag.web.startup.PortInUse;
import reactor.netty.ChannelBindException;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * Plain HTTP on {@code knag.gateway.http-port} answers only with a permanent redirect to HTTPS at the configured
 * public address ({@code knag.gateway.public-url}): the request's {@code Host} is the client's to write, so a
 * redirect built from it could send a victim's browser anywhere.
 */
@Component
class HttpRedirect implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(HttpRedirect.class);

    private final int httpPort;
    private final int httpsPort;
    private final String address;
    private final String publicUrl;
    private volatile DisposableServer server;

    HttpRedirect(GatewaySettings settings, @Value("${server.port}") int httpsPort,
                 @Value("${server.address:127.0.0.1}") String address) {
        this.httpPort = settings.httpPort();
        this.httpsPort = httpsPort;
        this.address = address;
        String configured = settings.publicUrl() == null ? "https://localhost:" + httpsPort : settings.publicUrl().toString();
        this.publicUrl = configured.replaceFirst("/+$", "");
    }

    @Override
    public void start() {
        if (httpPort <= 0) {
            return;
        }
        try {
            server = HttpServer.create().host(address).port(httpPort).handle(this::redirect).bindNow();
        } catch (ChannelBindException taken) {
            throw new PortInUse(httpPort, address, "knag.gateway.http-port", taken);
        }
        log.info("plain HTTP on {}:{} redirects to HTTPS port {}", address, server.port(), httpsPort);
    }

    private Publisher<Void> redirect(HttpServerRequest request, HttpServerResponse response) {
        String target = request.uri().startsWith("/") ? request.uri() : "/";
        return response.status(308).header("Location", publicUrl + target).header("Content-Length", "0").send();
    }

    @Override
    public void stop() {
        if (server != null) {
            server.disposeNow();
            server = null;
        }
    }

    @Override
    public boolean isRunning() {
        return server != null;
    }

    int port() {
        return server == null ? -1 : server.port();
    }
}
