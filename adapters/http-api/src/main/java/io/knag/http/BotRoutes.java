package io.knag.http;

import io.knag.bots.BotLogs;
import io.knag.bots.BotLogsQuery;
import io.knag.bots.BotView;
import io.knag.bots.CreateBot;
import io.knag.bots.DeleteOutcome;
import io.knag.bots.StartBot;
import io.knag.bots.UpdateBot;
import io.knag.bots.domain.BotProblems;
import io.knag.kernel.KnagException;
import io.knag.kernel.auth.Authenticated;
import java.net.URI;
import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/** The bots API of docs/api/bots.md: definitions, start (with the password) and stop, logs and status history. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBean(name = "createBot")
class BotRoutes {

    @Bean
    RouterFunction<ServerResponse> botsApi(FunctionCalls functions, BearerAuthentication auth, Environment environment) {
        RouterFunction<ServerResponse> routes = RouterFunctions.route()
                .GET("/api/v1/bots", request -> auth.caller(request)
                        .flatMap(caller -> functions.apply("listBots", caller))
                        .flatMap(list -> ServerResponse.ok().bodyValue(list)))
                .POST("/api/v1/bots", request -> auth.with(request, JsonBodies.read(request, CreateBot.class))
                        .flatMap(command -> functions.<Object, BotView>apply("createBot", command))
                        .flatMap(view -> ServerResponse.created(URI.create("/api/v1/bots/" + view.id())).bodyValue(view)))
                .GET("/api/v1/bots/{id}", request -> auth.with(request, PathIds.uuid(request, "id"))
                        .flatMap(command -> functions.apply("getBot", command))
                        .flatMap(view -> ServerResponse.ok().bodyValue(view)))
                .PATCH("/api/v1/bots/{id}", request -> withId(auth, request, id -> JsonBodies.read(request,
                                UpdateBot.Changes.class).map(changes -> new UpdateBot(id, changes)))
                        .flatMap(command -> functions.apply("updateBot", command))
                        .flatMap(view -> ServerResponse.ok().bodyValue(view)))
                .DELETE("/api/v1/bots/{id}", request -> auth.with(request, PathIds.uuid(request, "id"))
                        .flatMap(command -> functions.<Object, DeleteOutcome>apply("deleteBot", command))
                        .flatMap(outcome -> outcome == DeleteOutcome.DELETED ? ServerResponse.noContent().build()
                                : ServerResponse.accepted().build()))
                .POST("/api/v1/bots/{id}/start", request -> withId(auth, request, id -> JsonBodies.read(request,
                                StartBot.Body.class).map(body -> new StartBot(id, body.password())))
                        .flatMap(command -> functions.apply("startBot", command))
                        .flatMap(view -> ServerResponse.accepted().bodyValue(view)))
                .POST("/api/v1/bots/{id}/stop", request -> auth.with(request, PathIds.uuid(request, "id"))
                        .flatMap(command -> functions.apply("stopBot", command))
                        .flatMap(view -> ServerResponse.accepted().bodyValue(view)))
                .GET("/api/v1/bots/{id}/events", request -> auth.with(request, PathIds.uuid(request, "id"))
                        .flatMap(command -> functions.apply("botEvents", command))
                        .flatMap(history -> ServerResponse.ok().bodyValue(history)))
                .filter(Produces.json())
                .build();
        RouterFunction<ServerResponse> logRoute = RouterFunctions.route()
                .GET("/api/v1/bots/{id}/logs", request -> withId(auth, request, id -> tail(request)
                                .map(tail -> new BotLogsQuery(id, tail)))
                        .flatMap(command -> functions.<Object, BotLogs>apply("botLogs", command))
                        .flatMap(logs -> wantsText(request)
                                ? ServerResponse.ok().contentType(MediaType.TEXT_PLAIN)
                                        .bodyValue(logs.lines().isEmpty() ? "" : String.join("\n", logs.lines()) + "\n")
                                : ServerResponse.ok().bodyValue(logs)))
                .filter(Produces.only(MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN))
                .build();
        return RouteSwitch.unlessOff(environment, "bots", routes.and(logRoute));
    }

    private static <T> Mono<Authenticated<T>> withId(BearerAuthentication auth, ServerRequest request,
                                                     java.util.function.Function<UUID, Mono<T>> command) {
        return auth.caller(request).flatMap(caller -> PathIds.uuid(request, "id").flatMap(command)
                .map(value -> new Authenticated<>(caller, value)));
    }

    private static Mono<Integer> tail(ServerRequest request) {
        String value = request.queryParam("tail").orElse(Integer.toString(BotLogsQuery.DEFAULT_TAIL));
        try {
            return Mono.just(Integer.parseInt(value));
        } catch (NumberFormatException e) {
            return Mono.error(new KnagException(BotProblems.LOG_LIMIT, "tail must be a whole number from 1 to "
                    + BotLogsQuery.MAX_TAIL));
        }
    }

    private static boolean wantsText(ServerRequest request) {
        return request.headers().accept().stream().anyMatch(type -> type.isCompatibleWith(MediaType.TEXT_PLAIN)
                && !type.isWildcardType());
    }
}
