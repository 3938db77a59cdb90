package io.knag.http;

import static io.knag.http.RouteFixture.ALICE;
import static io.knag.http.RouteFixture.ALICE_TOKEN;
import static io.knag.http.RouteFixture.problem;
import static org.assertj.core.api.Assertions.assertThat;

import io.knag.identity.AccountView;
import io.knag.identity.ChangePassword;
import io.knag.identity.Login;
import io.knag.identity.Logout;
import io.knag.identity.RecoveryCode;
import io.knag.identity.Refresh;
import io.knag.identity.Registered;
import io.knag.identity.TokenPair;
import io.knag.identity.UpdateAccount;
import io.knag.identity.domain.IdentityProblems;
import io.knag.kernel.KnagException;
import io.knag.kernel.ProblemType;
import io.knag.kernel.auth.Authenticated;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;

/** The identity router and its handlers, the identity functions stubbed. */
class IdentityRoutesTest {

    final List<Object> calls = new ArrayList<>();
    final AccountView alice = new AccountView(ALICE.userId().value(), "alice@example.com", "Alice",
            Instant.parse("2026-12-01T10:00:00Z"));

    final WebTestClient client = RouteFixture.client(IdentityRoutes.routes(
            new SessionHandler(
                    register -> record(register).thenReturn(new Registered(UUID.randomUUID(), register.email(),
                            register.displayName(), "RECOVERY-CODE")),
                    login -> record(login).then(login.password().equals("right passphrase")
                            ? Mono.just(new TokenPair("access", "refresh", "Bearer", 900))
                            : Mono.error(new KnagException(ProblemType.WRONG_PASSWORD, "Wrong email or password"))),
                    refresh -> record(refresh).thenReturn(new TokenPair("access", "refresh", "Bearer", 900)),
                    logout -> record(logout),
                    recover -> record(recover).thenReturn(new RecoveryCode("NEW-CODE")),
                    () -> Mono.just(Map.of("keys", List.of()))),
            new AccountHandler(
                    me -> record(me).thenReturn(alice),
                    update -> record(update).thenReturn(alice),
                    delete -> record(delete),
                    change -> record(change)),
            RouteFixture.AUTH));

    @Test
    void registeringNeedsNoTokenAndPointsAtTheAccount() {
        client.post().uri("/api/v1/auth/register").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", "carol@example.com", "password", "a long passphrase", "displayName", "Carol"))
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().valueEquals(HttpHeaders.LOCATION, "/api/v1/users/me")
                .expectBody().jsonPath("$.recoveryCode").isEqualTo("RECOVERY-CODE");
    }

    @Test
    void aFailedLoginIsTheFunctionsProblem() {
        client.post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", "alice@example.com", "password", "wrong passphrase")).exchange()
                .expectStatus().isEqualTo(ProblemType.WRONG_PASSWORD.status())
                .expectBody().jsonPath("$.type").isEqualTo(problem(ProblemType.WRONG_PASSWORD));
        client.post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", "alice@example.com", "password", "right passphrase")).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.accessToken").isEqualTo("access");
        assertThat(calls).hasSize(2).first().isEqualTo(new Login("alice@example.com", "wrong passphrase"));
    }

    @Test
    void aBrowserSessionKeepsTheRefreshTokenInAnHttpOnlyCookieOnly() {
        client.post().uri("/api/v1/auth/login").header(SessionHandler.SESSION_HEADER, "cookie")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", "alice@example.com", "password", "right passphrase")).exchange()
                .expectStatus().isOk()
                .expectHeader().value(HttpHeaders.SET_COOKIE, cookie -> assertThat(cookie)
                        .startsWith("knag_refresh=refresh;").contains("Path=/api/v1/auth").contains("HttpOnly")
                        .contains("Secure").contains("SameSite=Strict").contains("Max-Age=2592000"))
                .expectBody()
                .jsonPath("$.accessToken").isEqualTo("access")
                .jsonPath("$.refreshToken").doesNotExist();

        client.post().uri("/api/v1/auth/refresh").header(SessionHandler.SESSION_HEADER, "cookie")
                .cookie("knag_refresh", "from-the-cookie").exchange()
                .expectStatus().isOk()
                .expectHeader().value(HttpHeaders.SET_COOKIE, cookie -> assertThat(cookie).startsWith("knag_refresh=refresh;"))
                .expectBody().jsonPath("$.refreshToken").doesNotExist();

        client.post().uri("/api/v1/auth/logout").header(SessionHandler.SESSION_HEADER, "cookie")
                .cookie("knag_refresh", "from-the-cookie").exchange()
                .expectStatus().isNoContent()
                .expectHeader().value(HttpHeaders.SET_COOKIE, cookie -> assertThat(cookie)
                        .startsWith("knag_refresh=;").contains("Max-Age=0"));
        assertThat(calls).containsExactly(new Login("alice@example.com", "right passphrase"),
                new Refresh("from-the-cookie"), new Logout("from-the-cookie"));
    }

    @Test
    void withoutItsCookieABrowserSessionIsNotThereAndNothingIsCalled() {
        client.post().uri("/api/v1/auth/refresh").header(SessionHandler.SESSION_HEADER, "cookie").exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.type").isEqualTo(problem(IdentityProblems.INVALID_REFRESH_TOKEN));
        client.post().uri("/api/v1/auth/logout").header(SessionHandler.SESSION_HEADER, "cookie").exchange()
                .expectStatus().isNoContent()
                .expectHeader().value(HttpHeaders.SET_COOKIE, cookie -> assertThat(cookie).contains("Max-Age=0"));
        client.post().uri("/api/v1/auth/refresh").cookie("knag_refresh", "a cookie without the header")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of()).exchange()
                .expectStatus().isBadRequest();
        assertThat(calls).isEmpty();
    }

    @Test
    void otherClientsGetTheRefreshTokenInTheBodyAndNoCookie() {
        client.post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", "alice@example.com", "password", "right passphrase")).exchange()
                .expectStatus().isOk()
                .expectHeader().doesNotExist(HttpHeaders.SET_COOKIE)
                .expectBody().jsonPath("$.refreshToken").isEqualTo("refresh");
    }

    @Test
    void logoutAndAPasswordChangeAnswer204() {
        client.post().uri("/api/v1/auth/logout").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("refreshToken", "refresh")).exchange()
                .expectStatus().isNoContent();
        client.post().uri("/api/v1/users/me/password").header(HttpHeaders.AUTHORIZATION, "Bearer " + ALICE_TOKEN)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("currentPassword", "a long passphrase", "newPassword", "another long passphrase"))
                .exchange()
                .expectStatus().isNoContent();
        assertThat(calls).last().isEqualTo(new Authenticated<>(ALICE,
                new ChangePassword("a long passphrase", "another long passphrase")));
    }

    @Test
    void theAccountIsTheCallersAndNeedsAToken() {
        client.get().uri("/api/v1/users/me").exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.type").isEqualTo(problem(ProblemType.AUTHENTICATION_REQUIRED));
        client.patch().uri("/api/v1/users/me").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("displayName", "Mallory")).exchange()
                .expectStatus().isUnauthorized();
        assertThat(calls).isEmpty();

        client.patch().uri("/api/v1/users/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + ALICE_TOKEN)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("displayName", "Alice B")).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.email").isEqualTo("alice@example.com");
        assertThat(calls).containsExactly(new Authenticated<>(ALICE, new UpdateAccount("Alice B")));
    }

    @Test
    void deletingTheAccountNeedsABody() {
        client.method(org.springframework.http.HttpMethod.DELETE).uri("/api/v1/users/me")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + ALICE_TOKEN).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo(problem(ProblemType.MALFORMED_REQUEST));
        assertThat(calls).isEmpty();
    }

    @Test
    void theTokenKeysArePublicAndCached() {
        client.get().uri("/.well-known/jwks.json").exchange()
                .expectStatus().isOk()
                .expectHeader().cacheControl(org.springframework.http.CacheControl.maxAge(java.time.Duration.ofMinutes(5))
                        .cachePublic())
                .expectBody().jsonPath("$.keys").isArray();
    }

    private Mono<Void> record(Object call) {
        return Mono.fromRunnable(() -> calls.add(call));
    }
}
