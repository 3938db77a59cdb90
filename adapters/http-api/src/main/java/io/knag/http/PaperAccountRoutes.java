package io.knag.http;

import io.knag.kernel.auth.Authenticated;
import io.knag.kernel.auth.Caller;
import io.knag.paper.application.CreatePaperAccount;
import io.knag.paper.application.DeletePaperAccount;
import io.knag.paper.application.NewPaperAccount;
import io.knag.paper.application.PaperAccountView;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * The paper accounts API (docs/api/paper.md) under {@code /api/v1/paper/accounts}, behind the bearer token: a
 * platform user's accounts on the paper exchange. The paper functions are injected by type.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBean(name = "createPaperAccount")
class PaperAccountRoutes {

    @Bean
    RouterFunction<ServerResponse> paperAccountsApi(
            Function<Authenticated<CreatePaperAccount>, Mono<NewPaperAccount>> createPaperAccount,
            Function<Caller, Mono<List<PaperAccountView>>> listPaperAccounts,
            Function<Authenticated<UUID>, Mono<PaperAccountView>> getPaperAccount,
            Function<Authenticated<DeletePaperAccount>, Mono<Void>> deletePaperAccount,
            BearerAuthentication auth, Environment environment) {
        return RouteSwitch.unlessOff(environment, "paper", routes(new PaperAccountHandler(createPaperAccount,
                listPaperAccounts, getPaperAccount, deletePaperAccount), auth));
    }

    static RouterFunction<ServerResponse> routes(PaperAccountHandler accounts, BearerAuthentication auth) {
        return RouterFunctions.route()
                .path("/api/v1/paper/accounts", api -> api
                        .GET("", accounts::list)
                        .POST("", accounts::create)
                        .GET("/{id}", accounts::get)
                        .DELETE("/{id}", accounts::delete))
                .filter(Produces.json())
                .filter(auth)
                .build();
    }
}
