package io.knag.http;

import io.knag.bots.BotImages;
import io.knag.bots.BotLogs;
import io.knag.bots.BotLogsQuery;
import io.knag.bots.BotStatusChanged;
import io.knag.bots.BotView;
import io.knag.bots.CreateBot;
import io.knag.bots.DeleteOutcome;
import io.knag.bots.StartBot;
import io.knag.bots.StopBot;
import io.knag.bots.UpdateBot;
import io.knag.kernel.auth.Authenticated;
import io.knag.kernel.auth.Caller;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * The bots API of docs/api/bots.md under {@code /api/v1/bots}: the images allowed, definitions, start (with the
 * password) and stop, logs and status history, every route behind the bearer token. The bots functions are injected by type.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBean(name = "createBot")
class BotRoutes {

    @Bean
    RouterFunction<ServerResponse> botsApi(Function<Authenticated<CreateBot>, Mono<BotView>> createBot,
                                           Function<Caller, Mono<List<BotView>>> listBots,
                                           Function<Authenticated<UUID>, Mono<BotView>> getBot,
                                           Function<Authenticated<UpdateBot>, Mono<BotView>> updateBot,
                                           Function<Authenticated<UUID>, Mono<DeleteOutcome>> deleteBot,
                                           Function<Authenticated<StartBot>, Mono<BotView>> startBot,
                                           Function<Authenticated<StopBot>, Mono<BotView>> stopBot,
                                           Function<Authenticated<BotLogsQuery>, Mono<BotLogs>> botLogs,
                                           Function<Authenticated<UUID>, Mono<List<BotStatusChanged>>> botEvents,
                                           Function<Caller, Mono<BotImages>> botImages,
                                           BearerAuthentication auth, Environment environment) {
        return RouteSwitch.unlessOff(environment, "bots", routes(
                new BotHandler(createBot, listBots, getBot, updateBot, deleteBot, botImages),
                new BotRunHandler(startBot, stopBot, botLogs, botEvents), auth));
    }

    static RouterFunction<ServerResponse> routes(BotHandler bots, BotRunHandler runs, BearerAuthentication auth) {
        RouterFunction<ServerResponse> json = RouterFunctions.route()
                .path("/api/v1/bots", api -> api
                        .GET("", bots::list)
                        .POST("", bots::create)
                        .GET("/images", bots::images)
                        .GET("/{id}", bots::get)
                        .PATCH("/{id}", bots::update)
                        .DELETE("/{id}", bots::delete)
                        .POST("/{id}/start", runs::start)
                        .POST("/{id}/stop", runs::stop)
                        .GET("/{id}/events", runs::events))
                .filter(Produces.json())
                .filter(auth)
                .build();
        RouterFunction<ServerResponse> logs = RouterFunctions.route()
                .GET("/api/v1/bots/{id}/logs", runs::logs)
                .filter(Produces.only(MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN))
                .filter(auth)
                .build();
        return logs.and(json);
    }
}
