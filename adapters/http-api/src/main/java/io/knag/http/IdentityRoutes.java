package io.knag.http;

import io.knag.identity.AccountView;
import io.knag.identity.ChangePassword;
import io.knag.identity.DeleteAccount;
import io.knag.identity.Login;
import io.knag.identity.Logout;
import io.knag.identity.Recover;
import io.knag.identity.RecoveryCode;
import io.knag.identity.Refresh;
import io.knag.identity.Register;
import io.knag.identity.Registered;
import io.knag.identity.TokenPair;
import io.knag.identity.UpdateAccount;
import io.knag.kernel.auth.Authenticated;
import io.knag.kernel.auth.Caller;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * The identity API of docs/api/identity.md: {@code /api/v1/auth} without a token, {@code /api/v1/users/me} behind
 * it, and the token keys at {@code /.well-known/jwks.json}. The identity functions are injected by type.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBean(name = "login")
class IdentityRoutes {

    @Bean
    RouterFunction<ServerResponse> identityApi(Function<Register, Mono<Registered>> register,
                                               Function<Login, Mono<TokenPair>> login,
                                               Function<Refresh, Mono<TokenPair>> refresh,
                                               Function<Logout, Mono<Void>> logout,
                                               Function<Recover, Mono<RecoveryCode>> recover,
                                               Supplier<Mono<Map<String, Object>>> jwks,
                                               Function<Caller, Mono<AccountView>> me,
                                               Function<Authenticated<UpdateAccount>, Mono<AccountView>> updateMe,
                                               Function<Authenticated<DeleteAccount>, Mono<Void>> deleteMe,
                                               Function<Authenticated<ChangePassword>, Mono<Void>> changePassword,
                                               BearerAuthentication auth, Environment environment) {
        return RouteSwitch.unlessOff(environment, "identity", routes(
                new SessionHandler(register, login, refresh, logout, recover, jwks),
                new AccountHandler(me, updateMe, deleteMe, changePassword), auth));
    }

    static RouterFunction<ServerResponse> routes(SessionHandler sessions, AccountHandler accounts,
                                                 BearerAuthentication auth) {
        RouterFunction<ServerResponse> open = RouterFunctions.route()
                .path("/api/v1/auth", api -> api
                        .POST("/register", sessions::register)
                        .POST("/login", sessions::login)
                        .POST("/refresh", sessions::refresh)
                        .POST("/logout", sessions::logout)
                        .POST("/recover", sessions::recover))
                .GET("/.well-known/jwks.json", sessions::jwks)
                .filter(Produces.json())
                .build();
        RouterFunction<ServerResponse> account = RouterFunctions.route()
                .path("/api/v1/users/me", api -> api
                        .GET("", accounts::get)
                        .PATCH("", accounts::update)
                        .DELETE("", accounts::delete)
                        .POST("/password", accounts::changePassword))
                .filter(Produces.json())
                .filter(auth)
                .build();
        return open.and(account);
    }
}
