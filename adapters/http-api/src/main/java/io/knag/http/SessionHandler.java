package io.knag.http;

import io.knag.identity.Login;
import io.knag.identity.Logout;
import io.knag.identity.Recover;
import io.knag.identity.RecoveryCode;
import io.knag.identity.Refresh;
import io.knag.identity.Register;
import io.knag.identity.Registered;
import io.knag.identity.TokenPair;
import io.knag.identity.domain.IdentityProblems;
import io.knag.kernel.KnagException;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpCookie;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * Getting in and out (docs/api/identity.md): register, log in, refresh, log out, recover; and the token keys.
 *
 * <p>A browser asks for its session in a cookie by sending {@code X-Knag-Session: cookie} to login, refresh and
 * logout: the refresh token then travels only in an {@code HttpOnly; Secure; SameSite=Strict} cookie scoped to
 * {@code /api/v1/auth}, which no script of the page can read, and is left out of the JSON answer. The header is
 * one a page of another origin cannot send without a CORS preflight, which the gateway refuses for it; without
 * the header, the refresh token is in the body, as every other client uses it.
 */
final class SessionHandler {

    static final String SESSION_HEADER = "X-Knag-Session";
    static final String COOKIE = "knag_refresh";
    static final String COOKIE_PATH = "/api/v1/auth";
    /** At most the refresh token's own life (30 days from the login); the token expires at the server anyway. */
    static final Duration COOKIE_LIFE = Duration.ofDays(30);

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
        return JsonBodies.read(request, Login.class).flatMap(login).flatMap(pair -> tokens(request, pair));
    }

    Mono<ServerResponse> refresh(ServerRequest request) {
        Mono<Refresh> command = wantsCookie(request)
                ? Mono.fromCallable(() -> new Refresh(cookie(request).orElseThrow(SessionHandler::noSession)))
                : JsonBodies.read(request, Refresh.class);
        return command.flatMap(refresh).flatMap(pair -> tokens(request, pair));
    }

    /** Ends the session; with the cookie, also when there is none (the cookie is cleared either way). */
    Mono<ServerResponse> logout(ServerRequest request) {
        if (wantsCookie(request)) {
            return Mono.justOrEmpty(cookie(request)).map(Logout::new).flatMap(logout)
                    .then(ServerResponse.noContent().cookie(sessionCookie("", Duration.ZERO)).build());
        }
        return JsonBodies.read(request, Logout.class).flatMap(logout).then(ServerResponse.noContent().build());
    }

    /** A new pair: in the body; or, for a browser session, the refresh token in the cookie and out of the body. */
    private static Mono<ServerResponse> tokens(ServerRequest request, TokenPair pair) {
        if (!wantsCookie(request)) {
            return ServerResponse.ok().bodyValue(pair);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("accessToken", pair.accessToken());
        body.put("tokenType", pair.tokenType());
        body.put("expiresIn", pair.expiresIn());
        return ServerResponse.ok().cacheControl(CacheControl.noStore())
                .cookie(sessionCookie(pair.refreshToken(), COOKIE_LIFE)).bodyValue(body);
    }

    private static boolean wantsCookie(ServerRequest request) {
        return "cookie".equalsIgnoreCase(request.headers().firstHeader(SESSION_HEADER));
    }

    private static Optional<String> cookie(ServerRequest request) {
        return Optional.ofNullable(request.cookies().getFirst(COOKIE)).map(HttpCookie::getValue)
                .filter(value -> !value.isBlank());
    }

    private static ResponseCookie sessionCookie(String value, Duration life) {
        return ResponseCookie.from(COOKIE, value).path(COOKIE_PATH).httpOnly(true).secure(true).sameSite("Strict")
                .maxAge(life).build();
    }

    private static KnagException noSession() {
        return new KnagException(IdentityProblems.INVALID_REFRESH_TOKEN, "There is no session in this browser: sign in");
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
