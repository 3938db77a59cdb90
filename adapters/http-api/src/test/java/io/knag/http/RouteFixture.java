package io.knag.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.knag.kernel.KnagException;
import io.knag.kernel.ProblemType;
import io.knag.kernel.UserId;
import io.knag.kernel.auth.Caller;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.server.HandlerStrategies;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.i18n.AcceptHeaderLocaleContextResolver;
import reactor.core.publisher.Mono;

/**
 * A router under test, bound without a server, its functions stubbed by the test: two callers with their own
 * tokens (any other token is refused as the verifier refuses it), and the host's problem+json answers (its
 * {@link ProblemHandler} the only exception handler, as it is the first in the host).
 */
final class RouteFixture {

    static final Caller ALICE = caller();
    static final Caller BOB = caller();
    static final String ALICE_TOKEN = "alice-token";
    static final String BOB_TOKEN = "bob-token";

    static final BearerAuthentication AUTH = new BearerAuthentication(token -> {
        Caller caller = Map.of(ALICE_TOKEN, ALICE, BOB_TOKEN, BOB).get(token);
        return caller != null ? Mono.just(caller)
                : Mono.error(new KnagException(ProblemType.INVALID_TOKEN, "The access token is not valid"));
    });

    private RouteFixture() {
    }

    static WebTestClient client(RouterFunction<ServerResponse> routes) {
        var problems = new ProblemHandler(new ObjectMapper().registerModule(new JavaTimeModule()));
        return WebTestClient.bindToRouterFunction(routes)
                .handlerStrategies(HandlerStrategies.empty()
                        .codecs(codecs -> codecs.registerDefaults(true))
                        .localeContextResolver(new AcceptHeaderLocaleContextResolver())
                        .exceptionHandler(problems)
                        .build())
                .build();
    }

    /** The problem type URI of {@code type}, as answers carry it. */
    static String problem(ProblemType type) {
        return type.uri();
    }

    private static Caller caller() {
        return new Caller(UserId.of(UUID.randomUUID().toString()), UUID.randomUUID().toString(),
                Instant.parse("2030-01-01T00:00:00Z"));
    }
}
