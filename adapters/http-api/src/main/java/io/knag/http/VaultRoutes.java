package io.knag.http;

import io.knag.kernel.auth.Authenticated;
import io.knag.vault.AddCredential;
import io.knag.vault.CredentialView;
import io.knag.vault.RotateCredential;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.CacheControl;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/** The vault API of docs/api/vault.md: metadata in, metadata out; secrets only ever go in. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBean(name = "addCredential")
class VaultRoutes {

    @Bean
    RouterFunction<ServerResponse> vaultApi(FunctionCalls functions, BearerAuthentication auth, Environment environment) {
        RouterFunction<ServerResponse> routes = RouterFunctions.route()
                .GET("/api/v1/vault/brokers", request -> functions.get("listBrokers")
                        .flatMap(brokers -> ServerResponse.ok()
                                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic()).bodyValue(brokers)))
                .GET("/api/v1/vault/credentials", request -> auth.caller(request)
                        .flatMap(caller -> functions.apply("listCredentials", caller))
                        .flatMap(list -> ServerResponse.ok().bodyValue(list)))
                .POST("/api/v1/vault/credentials", request -> auth.with(request, JsonBodies.read(request, AddCredential.class))
                        .flatMap(command -> functions.<Object, CredentialView>apply("addCredential", command))
                        .flatMap(view -> ServerResponse.created(URI.create("/api/v1/vault/credentials/" + view.id()))
                                .bodyValue(view)))
                .GET("/api/v1/vault/credentials/{id}", request -> auth.with(request, PathIds.uuid(request, "id"))
                        .flatMap(command -> functions.apply("getCredential", command))
                        .flatMap(view -> ServerResponse.ok().bodyValue(view)))
                .DELETE("/api/v1/vault/credentials/{id}", request -> auth.with(request, PathIds.uuid(request, "id"))
                        .flatMap(command -> functions.apply("deleteCredential", command))
                        .then(ServerResponse.noContent().build()))
                .PUT("/api/v1/vault/credentials/{id}/secrets", request -> auth.caller(request)
                        .flatMap(caller -> PathIds.uuid(request, "id").flatMap(id -> JsonBodies.read(request,
                                        RotateCredential.Body.class)
                                .map(body -> new Authenticated<>(caller, new RotateCredential(id, body.secrets())))))
                        .flatMap(command -> functions.apply("rotateCredential", command))
                        .flatMap(view -> ServerResponse.ok().bodyValue(view)))
                .filter(Produces.json())
                .build();
        return RouteSwitch.unlessOff(environment, "vault", routes);
    }
}
