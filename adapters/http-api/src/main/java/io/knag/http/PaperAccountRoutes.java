package io.knag.http;

import io.knag.paper.application.CreatePaperAccount;
import io.knag.paper.application.NewPaperAccount;
import java.net.URI;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.CacheControl;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/** The paper accounts API (docs/api/paper.md): a platform user's accounts on the paper exchange. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBean(name = "createPaperAccount")
class PaperAccountRoutes {

    @Bean
    RouterFunction<ServerResponse> paperAccountsApi(FunctionCalls functions, BearerAuthentication auth, Environment environment) {
        RouterFunction<ServerResponse> routes = RouterFunctions.route()
                .GET("/api/v1/paper/accounts", request -> auth.caller(request)
                        .flatMap(caller -> functions.apply("listPaperAccounts", caller))
                        .flatMap(list -> ServerResponse.ok().bodyValue(list)))
                .POST("/api/v1/paper/accounts", request -> auth.with(request, JsonBodies.read(request, CreatePaperAccount.class))
                        .flatMap(command -> functions.<Object, NewPaperAccount>apply("createPaperAccount", command))
                        .flatMap(created -> ServerResponse.created(URI.create("/api/v1/paper/accounts/" + created.id()))
                                .cacheControl(CacheControl.noStore()).bodyValue(created)))
                .GET("/api/v1/paper/accounts/{id}", request -> auth.with(request, PathIds.uuid(request, "id"))
                        .flatMap(command -> functions.apply("getPaperAccount", command))
                        .flatMap(view -> ServerResponse.ok().bodyValue(view)))
                .DELETE("/api/v1/paper/accounts/{id}", request -> auth.with(request, PathIds.uuid(request, "id"))
                        .flatMap(command -> functions.apply("deletePaperAccount", command))
                        .then(ServerResponse.noContent().build()))
                .filter(Produces.json())
                .build();
        return RouteSwitch.unlessOff(environment, "paper", routes);
    }
}
