package io.knag.http;

import io.knag.kernel.KnagException;
import io.knag.web.HttpProblems;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.HandlerFilterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * What a route answers with, checked against the request's {@code Accept} before the route runs: a request that
 * accepts none of it is a 406 {@code not-acceptable} problem and changes nothing. No {@code Accept} accepts
 * everything; {@code q=0} refuses the types it names.
 */
final class Produces {

    private Produces() {
    }

    static HandlerFilterFunction<ServerResponse, ServerResponse> json() {
        return only(MediaType.APPLICATION_JSON);
    }

    static HandlerFilterFunction<ServerResponse, ServerResponse> only(MediaType... produced) {
        List<MediaType> types = List.of(produced);
        String names = types.stream().map(MediaType::toString).collect(Collectors.joining(" or "));
        return (request, next) -> acceptsAny(request.headers().accept(), types) ? next.handle(request)
                : Mono.error(new KnagException(HttpProblems.NOT_ACCEPTABLE, "This endpoint answers with " + names
                        + "; send an Accept header that allows it, or none"));
    }

    static boolean acceptsAny(List<MediaType> accepted, List<MediaType> produced) {
        return accepted.isEmpty() || produced.stream().anyMatch(type -> accepts(accepted, type));
    }

    private static boolean accepts(List<MediaType> accepted, MediaType type) {
        boolean refused = accepted.stream()
                .anyMatch(range -> range.getQualityValue() == 0 && range.includes(type) && !range.isWildcardType());
        return !refused && accepted.stream().anyMatch(range -> range.getQualityValue() > 0 && range.includes(type));
    }
}
