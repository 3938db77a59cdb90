package io.knag.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.knag.kernel.testing.TestDatabase;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The whole identity journey over HTTP, through the running host, on a real PostgreSQL. */
@HostTest
class IdentityJourneyTest {

    static final org.springframework.core.ParameterizedTypeReference<Map<String, Object>> JSON_MAP =
            new org.springframework.core.ParameterizedTypeReference<>() { };
    static TestDatabase database;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        database = HostDatabase.register(registry);
    }

    @Autowired
    WebTestClient http;

    @Test
    void registerLoginMeRefreshReuseRevokesFamilyLogout() {
        Map<String, Object> registered = post("/api/v1/auth/register",
                Map.of("email", "Journey@Example.com", "password", "correct horse battery", "displayName", "Journey"))
                .expectStatus().isCreated()
                .expectHeader().location("/api/v1/users/me")
                .expectBody(JSON_MAP).returnResult().getResponseBody();
        assertThat(registered).containsKeys("id", "recoveryCode").containsEntry("email", "journey@example.com")
                .doesNotContainKey("password");

        Map<String, Object> tokens = login("journey@example.com", "correct horse battery");
        assertThat(tokens).containsEntry("tokenType", "Bearer").containsEntry("expiresIn", 900);

        http.get().uri("/api/v1/users/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.get("accessToken"))
                .exchange().expectStatus().isOk()
                .expectHeader().cacheControl(org.springframework.http.CacheControl.noStore())
                .expectBody()
                .jsonPath("$.id").isEqualTo(registered.get("id"))
                .jsonPath("$.email").isEqualTo("journey@example.com")
                .jsonPath("$.displayName").isEqualTo("Journey");

        Map<String, Object> refreshed = post("/api/v1/auth/refresh", Map.of("refreshToken", tokens.get("refreshToken")))
                .expectStatus().isOk().expectBody(JSON_MAP).returnResult().getResponseBody();
        assertThat(refreshed.get("refreshToken")).isNotEqualTo(tokens.get("refreshToken"));
        http.get().uri("/api/v1/users/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + refreshed.get("accessToken"))
                .exchange().expectStatus().isOk();

        post("/api/v1/auth/refresh", Map.of("refreshToken", tokens.get("refreshToken")))
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://knag.io/problems/refresh-token-reused");
        post("/api/v1/auth/refresh", Map.of("refreshToken", refreshed.get("refreshToken")))
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.type").isEqualTo("https://knag.io/problems/refresh-token-reused");

        Map<String, Object> again = login("journey@example.com", "correct horse battery");
        post("/api/v1/auth/logout", Map.of("refreshToken", again.get("refreshToken"))).expectStatus().isNoContent();
        post("/api/v1/auth/refresh", Map.of("refreshToken", again.get("refreshToken")))
                .expectStatus().isUnauthorized();

        assertThat(database.dump("identity")).doesNotContain("correct horse battery")
                .doesNotContain((String) again.get("refreshToken"))
                .doesNotContain((String) registered.get("recoveryCode"));
    }

    @Test
    void passwordChangeRecoveryAndDeletion() {
        Map<String, Object> registered = post("/api/v1/auth/register",
                Map.of("email", "carol@example.com", "password", "carol's first pass", "displayName", "Carol"))
                .expectStatus().isCreated().expectBody(JSON_MAP).returnResult().getResponseBody();
        String access = (String) login("carol@example.com", "carol's first pass").get("accessToken");

        http.patch().uri("/api/v1/users/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + access)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("displayName", "Carol T."))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.displayName").isEqualTo("Carol T.");

        http.post().uri("/api/v1/users/me/password").header(HttpHeaders.AUTHORIZATION, "Bearer " + access)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("currentPassword", "carol's first pass", "newPassword", "carol's second pass"))
                .exchange().expectStatus().isNoContent();
        post("/api/v1/auth/login", Map.of("email", "carol@example.com", "password", "carol's first pass"))
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.type").isEqualTo("https://knag.io/problems/invalid-credentials");

        Map<String, Object> recovered = post("/api/v1/auth/recover", Map.of("email", "carol@example.com",
                "recoveryCode", registered.get("recoveryCode"), "newPassword", "carol's third pass"))
                .expectStatus().isOk().expectBody(JSON_MAP).returnResult().getResponseBody();
        assertThat(recovered.get("recoveryCode")).isNotEqualTo(registered.get("recoveryCode"));
        access = (String) login("carol@example.com", "carol's third pass").get("accessToken");

        http.method(org.springframework.http.HttpMethod.DELETE).uri("/api/v1/users/me")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + access)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("password", "carol's third pass"))
                .exchange().expectStatus().isNoContent();
        http.get().uri("/api/v1/users/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + access)
                .exchange().expectStatus().isNotFound();
        assertThat(database.query("SELECT count(*) FROM identity.accounts WHERE email = 'carol@example.com'")
                .get(0).get(0)).isEqualTo("0");
    }

    @Test
    void publishesKeysDocumentsHealthAndMetrics() {
        login(register("keys@example.com"), "correct horse battery");
        http.get().uri("/.well-known/jwks.json").exchange().expectStatus().isOk()
                .expectHeader().cacheControl(org.springframework.http.CacheControl
                        .maxAge(java.time.Duration.ofMinutes(5)).cachePublic())
                .expectBody().jsonPath("$.keys[0].kty").isEqualTo("RSA").jsonPath("$.keys[0].d").doesNotExist();
        // The document is larger than the API's own 64 KiB request limit, which this client shares.
        http.mutate().codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(1 << 20)).build()
                .get().uri("/api/v1/openapi.yaml").exchange().expectStatus().isOk()
                .expectBody(String.class).value(body -> assertThat(body).contains("openapi: 3.1").contains("/api/v1/auth/login")
                        .contains("/api/v1/bots/{id}/start"));
        http.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
        http.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
        http.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).value(body -> assertThat(body).contains("http_server_requests_seconds"));
    }

    private String register(String email) {
        post("/api/v1/auth/register", Map.of("email", email, "password", "correct horse battery", "displayName", "K"))
                .expectStatus().isCreated();
        return email;
    }

    private Map<String, Object> login(String email, String password) {
        return post("/api/v1/auth/login", Map.of("email", email, "password", password))
                .expectStatus().isOk()
                .expectHeader().cacheControl(org.springframework.http.CacheControl.noStore())
                .expectBody(JSON_MAP).returnResult().getResponseBody();
    }

    private WebTestClient.ResponseSpec post(String path, Object body) {
        return http.post().uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }
}
