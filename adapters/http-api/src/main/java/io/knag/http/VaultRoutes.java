package io.knag.http;

import io.knag.kernel.auth.Authenticated;
import io.knag.kernel.auth.Caller;
import io.knag.vault.AddCredential;
import io.knag.vault.Broker;
import io.knag.vault.CredentialView;
import io.knag.vault.RotateCredential;
import java.util.List;
import java.util.UUID;
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
 * The vault API of docs/api/vault.md under {@code /api/v1/vault}: the broker list without a token, the caller's
 * credentials behind it. The vault functions are injected by type.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBean(name = "addCredential")
class VaultRoutes {

    @Bean
    RouterFunction<ServerResponse> vaultApi(Supplier<Mono<List<Broker>>> listBrokers,
                                            Function<Caller, Mono<List<CredentialView>>> listCredentials,
                                            Function<Authenticated<AddCredential>, Mono<CredentialView>> addCredential,
                                            Function<Authenticated<UUID>, Mono<CredentialView>> getCredential,
                                            Function<Authenticated<RotateCredential>, Mono<CredentialView>> rotateCredential,
                                            Function<Authenticated<UUID>, Mono<Void>> deleteCredential,
                                            BearerAuthentication auth, Environment environment) {
        return RouteSwitch.unlessOff(environment, "vault", routes(new CredentialHandler(listBrokers, listCredentials,
                addCredential, getCredential, rotateCredential, deleteCredential), auth));
    }

    static RouterFunction<ServerResponse> routes(CredentialHandler credentials, BearerAuthentication auth) {
        RouterFunction<ServerResponse> brokers = RouterFunctions.route()
                .GET("/api/v1/vault/brokers", credentials::brokers)
                .filter(Produces.json())
                .build();
        RouterFunction<ServerResponse> vault = RouterFunctions.route()
                .path("/api/v1/vault/credentials", api -> api
                        .GET("", credentials::list)
                        .POST("", credentials::add)
                        .GET("/{id}", credentials::get)
                        .DELETE("/{id}", credentials::delete)
                        .PUT("/{id}/secrets", credentials::rotate))
                .filter(Produces.json())
                .filter(auth)
                .build();
        return brokers.and(vault);
    }
}
