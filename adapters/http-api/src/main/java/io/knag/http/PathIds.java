package io.knag.http;

import io.knag.kernel.KnagException;
import io.knag.kernel.ProblemType;
import java.util.UUID;
import org.springframework.web.reactive.function.server.ServerRequest;
import reactor.core.publisher.Mono;

/** Ids in paths: a malformed one names nothing, so it is a 404 like an unknown one. */
final class PathIds {

    private PathIds() {
    }

    static Mono<UUID> uuid(ServerRequest request, String variable) {
        try {
            return Mono.just(UUID.fromString(request.pathVariable(variable)));
        } catch (IllegalArgumentException e) {
            return Mono.error(new KnagException(ProblemType.NOT_FOUND, "There is nothing at " + request.path()));
        }
    }
}
