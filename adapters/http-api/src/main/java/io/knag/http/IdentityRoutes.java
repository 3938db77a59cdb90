package io.knag.http;

import io.knag.identity.ChangePassword;
import io.knag.identity.DeleteAccount;
import io.knag.identity.Login;
import io.knag.identity.Logout;
import io.knag.identity.Recover;
import io.knag.identity.Refresh;
import io.knag.identity.Register;
import io.knag.identity.Registered;
import io.knag.identity.UpdateAccount;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/** The identity API of docs/api/identity.md: each route reads its input, names its function, and answers. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBean(name = "login")
class IdentityRoutes {

    @Bean
    RouterFunction<ServerResponse> identityApi(FunctionCalls functions, BearerAuthentication auth, Environment environment) {
        RouterFunction<ServerResponse> routes = RouterFunctions.route()
                .POST("/api/v1/auth/register", request -> JsonBodies.read(request, Register.class)
                        .flatMap(command -> functions.<Register, Registered>apply("register", command))
                        .flatMap(registered -> ServerResponse.created(URI.create("/api/v1/users/me")).bodyValue(registered)))
                .POST("/api/v1/auth/login", request -> JsonBodies.read(request, Login.class)
                        .flatMap(command -> functions.apply("login", command))
                        .flatMap(pair -> ServerResponse.ok().bodyValue(pair)))
                .POST("/api/v1/auth/refresh", request -> JsonBodies.read(request, Refresh.class)
                        .flatMap(command -> functions.apply("refresh", command))
                        .flatMap(pair -> ServerResponse.ok().bodyValue(pair)))
                .POST("/api/v1/auth/logout", request -> JsonBodies.read(request, Logout.class)
                        .flatMap(command -> functions.apply("logout", command))
                        .then(ServerResponse.noContent().build()))
                .POST("/api/v1/auth/recover", request -> JsonBodies.read(request, Recover.class)
                        .flatMap(command -> functions.apply("recover", command))
                        .flatMap(code -> ServerResponse.ok().bodyValue(code)))
                .GET("/api/v1/users/me", request -> auth.caller(request)
                        .flatMap(caller -> functions.apply("me", caller))
                        .flatMap(view -> ServerResponse.ok().bodyValue(view)))
                .PATCH("/api/v1/users/me", request -> auth.with(request, JsonBodies.read(request, UpdateAccount.class))
                        .flatMap(command -> functions.apply("updateMe", command))
                        .flatMap(view -> ServerResponse.ok().bodyValue(view)))
                .DELETE("/api/v1/users/me", request -> auth.with(request, JsonBodies.read(request, DeleteAccount.class))
                        .flatMap(command -> functions.apply("deleteMe", command))
                        .then(ServerResponse.noContent().build()))
                .POST("/api/v1/users/me/password", request -> auth.with(request,
                                JsonBodies.read(request, ChangePassword.class))
                        .flatMap(command -> functions.apply("changePassword", command))
                        .then(ServerResponse.noContent().build()))
                .GET("/.well-known/jwks.json", request -> functions.get("jwks")
                        .flatMap(jwks -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON)
                                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
                                .bodyValue(jwks)))
                .filter(Produces.json())
                .build();
        return RouteSwitch.unlessOff(environment, "identity", routes);
    }
}
