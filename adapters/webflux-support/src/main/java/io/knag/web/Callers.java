package io.knag.web;

import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ServerWebExchange;
import reactor.netty.Connection;

/** What an edge knows of the caller of a request, from the request's own connection. */
public final class Callers {

    private Callers() {
    }

    /**
     * True when this request's caller hung up: its connection is closed. Decided from the connection, not from an
     * exception's name or message, since a database or an upstream that resets its own connection fails with the
     * same words. A request without a network connection (Lambda, Azure) never counts as abandoned.
     */
    public static boolean gone(ServerWebExchange exchange) {
        Object request;
        try {
            request = ServerHttpRequestDecorator.getNativeRequest(exchange.getRequest());
        } catch (IllegalStateException noNativeRequest) { // an in-memory request (tests, serverless)
            return false;
        }
        return request instanceof Connection connection && !connection.channel().isActive();
    }
}
