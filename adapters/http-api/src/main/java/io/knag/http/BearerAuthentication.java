package io.knag.http;

import io.knag.kernel.KnagException;
import io.knag.kernel.ProblemType;
import io.knag.kernel.auth.Authenticated;
import io.knag.kernel.auth.Caller;
import java.util.function.Function;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.server.HandlerFilterFunction;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * Who is calling: the verified access token of the {@code Authorization: Bearer} header. A router puts the
 * routes that need a caller behind this filter; their handlers read the caller with {@link #caller(ServerRequest)}.
 */
final class BearerAuthentication implements HandlerFilterFunction<ServerResponse, ServerResponse> {

    private static final String PREFIX = "bearer ";
    private static final String CALLER = BearerAuthentication.class.getName() + ".caller";

    private final Function<String, Mono<Caller>> verifier;

    /** {@code verifier}: an access token to its caller, or an {@code invalid-token} error. */
    BearerAuthentication(Function<String, Mono<Caller>> verifier) {
        this.verifier = verifier;
    }

    /** Runs the route only for a verified caller; any other request is a 401 problem. */
    @Override
    public Mono<ServerResponse> filter(ServerRequest request, HandlerFunction<ServerResponse> next) {
        return verify(request).flatMap(caller -> {
            request.attributes().put(CALLER, caller);
            return next.handle(request);
        });
    }

    /** The caller this filter verified for {@code request}. */
    static Caller caller(ServerRequest request) {
        return request.attribute(CALLER).map(Caller.class::cast)
                .orElseThrow(() -> new IllegalStateException("the route " + request.path() + " is not authenticated"));
    }

    /** {@code value} as asked for by this request's caller. */
    static <T> Authenticated<T> authenticated(ServerRequest request, T value) {
        return new Authenticated<>(caller(request), value);
    }

    private Mono<Caller> verify(ServerRequest request) {
        var values = request.headers().header(HttpHeaders.AUTHORIZATION);
        if (values.isEmpty()) {
            return Mono.error(new KnagException(ProblemType.AUTHENTICATION_REQUIRED,
                    "Send an access token as Authorization: Bearer <token>"));
        }
        String value = values.get(0);
        if (values.size() > 1 || value.length() <= PREFIX.length()
                || !value.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return Mono.error(new KnagException(ProblemType.INVALID_TOKEN, "The access token is not valid"));
        }
        return verifier.apply(value.substring(PREFIX.length()).strip());
    }
}
