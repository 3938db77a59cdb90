package io.knag.http;

import io.knag.kernel.KnagException;
import io.knag.kernel.ProblemType;
import org.springframework.web.reactive.function.server.ServerRequest;
import reactor.core.publisher.Mono;

/** Reads a required JSON body into a command; the command's constructor validates it. */
final class JsonBodies {

    private JsonBodies() {
    }

    static <T> Mono<T> read(ServerRequest request, Class<T> type) {
        return request.bodyToMono(type)
                .switchIfEmpty(Mono.error(() -> new KnagException(ProblemType.MALFORMED_REQUEST,
                        "A JSON object body is required")));
    }
}
