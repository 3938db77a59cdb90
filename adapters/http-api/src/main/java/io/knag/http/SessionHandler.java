package io.knag.http;

import io.knag.identity.Login;
import io.knag.identity.Logout;
import io.knag.identity.Recover;
import io.knag.identity.RecoveryCode;
import io.knag.identity.Refresh;
import io.knag.identity.Register;
import io.knag.identity.Registered;
import io.knag.identity.TokenPair;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/** Getting in and out (docs/api/identity.md): register, log in, refresh, log out, recover; and the token keys. */
final class SessionHandler {

    private final Function<Register, Mono<Registered>> register;
    private final Function<Login, Mono<TokenPair>> login;
    private final Function<Refresh, Mono<TokenPair>> refresh;
    private final Function<Logout, Mono<Void>> logout;
    private final Function<Recover, Mono<RecoveryCode>> recover;
    private final Supplier<Mono<Map<String, Object>>> jwks;

    SessionHandler(Function<Register, Mono<Registered>> register, Function<Login, Mono<TokenPair>> login,
                   Function<Refresh, Mono<TokenPair>> refresh, Function<Logout, Mono<Void>> logout,
                   Function<Recover, Mono<RecoveryCode>> recover, Supplier<Mono<Map<String, Object>>> jwks) {
        this.register = register;
        this.login = login;
        this.refresh = refresh;
        this.logout = logout;
        this.recover = recover;
        this.jwks = jwks;
    }

    Mono<ServerResponse> register(ServerRequest request) {
        return JsonBodies.read(request, Register.class).flatMap(register)
                .flatMap(registered -> ServerResponse.created(URI.create("/api/v1/users/me")).bodyValue(registered));
    }

    Mono<ServerResponse> login(ServerRequest request) {
        return JsonBodies.read(request, Login.class).flatMap(login).flatMap(pair -> ServerResponse.ok().bodyValue(pair));
    }

    Mono<ServerResponse> refresh(ServerRequest request) {
        return JsonBodies.read(request, Refresh.class).flatMap(refresh).flatMap(pair -> ServerResponse.ok().bodyValue(pair));
    }

    Mono<ServerResponse> logout(ServerRequest request) {
        return JsonBodies.read(request, Logout.class).flatMap(logout).then(ServerResponse.noContent().build());
    }

    Mono<ServerResponse> recover(ServerRequest request) {
        return JsonBodies.read(request, Recover.class).flatMap(recover).flatMap(code -> ServerResponse.ok().bodyValue(code));
    }

    /** The public keys that verify access tokens; other functions and the gateway cache them for five minutes. */
    Mono<ServerResponse> jwks(ServerRequest request) {
        return jwks.get().flatMap(keys -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON)
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic()).bodyValue(keys));
    }
}
