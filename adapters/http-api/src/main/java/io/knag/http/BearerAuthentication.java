package io.knag.http;

import io.knag.kernel.KnagException;
import io.knag.kernel.ProblemType;
import io.knag.kernel.auth.AccessTokenVerifier;
import io.knag.kernel.auth.Authenticated;
import io.knag.kernel.auth.Caller;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.server.ServerRequest;
import reactor.core.publisher.Mono;

/** Who is calling: the verified access token of the {@code Authorization: Bearer} header. */
class BearerAuthentication {

    private static final String PREFIX = "bearer ";

    private final AccessTokenVerifier verifier;

    BearerAuthentication(AccessTokenVerifier verifier) {
        this.verifier = verifier;
    }

    Mono<Caller> caller(ServerRequest request) {
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
        return verifier.verify(value.substring(PREFIX.length()).strip());
    }

    /** The caller together with the request body. */
    <T> Mono<Authenticated<T>> with(ServerRequest request, Mono<T> body) {
        return caller(request).flatMap(caller -> body.map(value -> new Authenticated<>(caller, value)));
    }
}
