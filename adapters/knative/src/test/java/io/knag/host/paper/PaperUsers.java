package io.knag.host.paper;

import java.util.List;
import java.util.Map;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Users and paper accounts made through the host's own API, for the paper exchange's tests. */
public final class PaperUsers {

    public static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() { };

    private PaperUsers() {
    }

    /** A registered, logged-in user: the value of its Authorization header. */
    public static String bearer(WebTestClient http, String email) {
        http.post().uri("/api/v1/auth/register").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email, "password", "a long passphrase", "displayName", "Trader"))
                .exchange().expectStatus().isCreated();
        return "Bearer " + http.post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email, "password", "a long passphrase"))
                .exchange().expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody().get("accessToken");
    }

    /** A new paper account of the user: the creation answer, the only one with the API secret. */
    public static Map<String, Object> account(WebTestClient http, String bearer, Map<String, String> balances, List<String> permissions) {
        return http.post().uri("/api/v1/paper/accounts").header(HttpHeaders.AUTHORIZATION, bearer)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("label", "Paper", "balances", balances, "permissions", permissions))
                .exchange().expectStatus().isCreated().expectBody(JSON).returnResult().getResponseBody();
    }
}
