package io.knag.http;

import org.springframework.core.env.Environment;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * {@code knag.http.identity|vault|bots=false}: a function group serves only its own routes. Read when the host
 * starts rather than by a condition, which an ahead-of-time (Spring AOT) build would decide at build time.
 */
final class RouteSwitch {

    private RouteSwitch() {
    }

    static RouterFunction<ServerResponse> unlessOff(Environment environment, String capability,
                                                    RouterFunction<ServerResponse> routes) {
        return environment.getProperty("knag.http." + capability, Boolean.class, true) ? routes : request -> Mono.empty();
    }
}
