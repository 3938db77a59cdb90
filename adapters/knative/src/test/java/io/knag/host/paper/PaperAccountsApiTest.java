package io.knag.host.paper;

import static org.assertj.core.api.Assertions.assertThat;

import io.knag.host.HostDatabase;
import io.knag.host.HostTest;
import io.knag.kernel.testing.TestDatabase;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The paper accounts API: the key shown once, the secret never stored in the clear, bad input, other users' ids. */
@HostTest
class PaperAccountsApiTest {

    static TestDatabase database;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        database = HostDatabase.register(registry);
    }

    @Autowired
    WebTestClient http;

    static String alice;
    static String bob;

    @BeforeEach
    void users() {
        if (alice == null) {
            alice = PaperUsers.bearer(http, "alice@example.com");
            bob = PaperUsers.bearer(http, "bob@example.com");
        }
    }

    @Test
    void createListGetDelete() {
        Map<String, Object> created = PaperUsers.account(http, alice, Map.of("USDT", "10000", "BTC", "0.25"),
                List.of("trade"));
        String id = (String) created.get("id");
        String secret = (String) created.get("apiSecret");
        assertThat((String) created.get("apiKey")).hasSize(64);
        assertThat(secret).hasSize(64);
        assertThat(created.get("balances")).asList()
                .contains(Map.of("asset", "BTC", "free", "0.25000000", "locked", "0.00000000"));

        http.get().uri("/api/v1/paper/accounts").header(HttpHeaders.AUTHORIZATION, alice).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$[?(@.id == '" + id + "')].apiKey").isEqualTo(List.of(created.get("apiKey")))
                .jsonPath("$[?(@.id == '" + id + "')].balances[?(@.asset == 'USDT')].free").isEqualTo(List.of("10000.00000000"))
                .jsonPath("$..apiSecret").doesNotExist();
        http.get().uri("/api/v1/paper/accounts/" + id).header(HttpHeaders.AUTHORIZATION, alice).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.permissions").isEqualTo(List.of("trade"))
                .jsonPath("$.apiSecret").doesNotExist();
        assertThat(database.dump("paper")).doesNotContain(secret);

        http.delete().uri("/api/v1/paper/accounts/" + id).header(HttpHeaders.AUTHORIZATION, alice).exchange()
                .expectStatus().isNoContent();
        http.get().uri("/api/v1/paper/accounts/" + id).header(HttpHeaders.AUTHORIZATION, alice).exchange()
                .expectStatus().isNotFound().expectBody().jsonPath("$.type").isEqualTo("https://knag.io/problems/not-found");
    }

    @Test
    void anotherUsersAccountIsNotFound() {
        String id = (String) PaperUsers.account(http, alice, Map.of("USDT", "100"), List.of("trade")).get("id");
        http.get().uri("/api/v1/paper/accounts/" + id).header(HttpHeaders.AUTHORIZATION, bob).exchange()
                .expectStatus().isNotFound();
        http.delete().uri("/api/v1/paper/accounts/" + id).header(HttpHeaders.AUTHORIZATION, bob).exchange()
                .expectStatus().isNotFound();
        http.get().uri("/api/v1/paper/accounts").header(HttpHeaders.AUTHORIZATION, bob).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$[?(@.id == '" + id + "')]").isEmpty();
        http.get().uri("/api/v1/paper/accounts/" + id).header(HttpHeaders.AUTHORIZATION, alice).exchange()
                .expectStatus().isOk();
    }

    @Test
    void withoutATokenNothingIsAnswered() {
        http.get().uri("/api/v1/paper/accounts").exchange().expectStatus().isUnauthorized();
        http.post().uri("/api/v1/paper/accounts").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("label", "x", "balances", Map.of("USDT", "1"))).exchange().expectStatus().isUnauthorized();
    }

    static Stream<Arguments> badInput() {
        return Stream.of(
                Arguments.of("{\"balances\": {\"USDT\": \"1\"}}", "validation-failed", "label"),
                Arguments.of("{\"label\": \"  \", \"balances\": {\"USDT\": \"1\"}}", "validation-failed", "label"),
                Arguments.of("{\"label\": \"a\"}", "validation-failed", "balances"),
                Arguments.of("{\"label\": \"a\", \"balances\": {}}", "validation-failed", "balances"),
                Arguments.of("{\"label\": \"a\", \"balances\": {\"USDT\": \"-5\"}}", "validation-failed", "balances.USDT"),
                Arguments.of("{\"label\": \"a\", \"balances\": {\"USDT\": \"0\"}}", "validation-failed", "balances.USDT"),
                Arguments.of("{\"label\": \"a\", \"balances\": {\"USDT\": \"1.123456789\"}}", "validation-failed", "balances.USDT"),
                Arguments.of("{\"label\": \"a\", \"balances\": {\"USDT\": \"1e5\"}}", "validation-failed", "balances.USDT"),
                Arguments.of("{\"label\": \"a\", \"balances\": {\"USDT\": \"10000000000000\"}}", "validation-failed", "balances.USDT"),
                Arguments.of("{\"label\": \"a\", \"balances\": {\"USDT\": 100}}", "malformed-request", null),
                Arguments.of("{\"label\": \"a\", \"balances\": {\"DOGE\": \"100\"}}", "unknown-asset", null),
                Arguments.of("{\"label\": \"a\", \"balances\": {\"USDT\": \"1\"}, \"permissions\": [\"admin\"]}",
                        "validation-failed", "permissions"),
                Arguments.of("{\"label\": \"a\", \"balances\": {\"USDT\": \"1\"}, \"permissions\": [\"trade\", \"trade\"]}",
                        "validation-failed", "permissions"),
                Arguments.of("{\"label\": \"a\", \"balances\": {\"USDT\": \"1\"}, \"apiSecret\": \"mine\"}", "malformed-request", null),
                Arguments.of("[]", "malformed-request", null),
                Arguments.of("{\"label\": \"a\", \"balances\": {\"USDT\": \"1\"", "malformed-request", null));
    }

    @ParameterizedTest
    @MethodSource
    void badInput(String body, String type, String field) {
        var answer = http.post().uri("/api/v1/paper/accounts").header(HttpHeaders.AUTHORIZATION, alice)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://knag.io/problems/" + type);
        if (field != null) {
            answer.jsonPath("$.violations[*].field").value(fields -> assertThat(fields.toString()).contains(field));
        }
    }

    @Test
    void badIdsAndTheAccountLimit() {
        http.get().uri("/api/v1/paper/accounts/not-a-uuid").header(HttpHeaders.AUTHORIZATION, alice).exchange()
                .expectStatus().isNotFound();
        http.get().uri("/api/v1/paper/accounts/00000000-0000-0000-0000-000000000000").header(HttpHeaders.AUTHORIZATION, alice)
                .exchange().expectStatus().isNotFound();
        String carol = PaperUsers.bearer(http, "carol@example.com");
        for (int i = 0; i < 10; i++) {
            PaperUsers.account(http, carol, Map.of("USDT", "1"), List.of());
        }
        http.post().uri("/api/v1/paper/accounts").header(HttpHeaders.AUTHORIZATION, carol).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("label", "one more", "balances", Map.of("USDT", "1"))).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("https://knag.io/problems/paper-account-limit-reached");
    }
}
