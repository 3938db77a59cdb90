package io.knag.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.knag.kernel.testing.TestDatabase;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The vault API over HTTP through the running host: the journey, every bad input, and another user's ids. */
@HostTest
class VaultApiTest {

    static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() { };
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
            alice = token("alice@example.com");
            bob = token("bob@example.com");
        }
    }

    @Test
    void addListGetRotateDelete() {
        Map<String, Object> added = http.post().uri("/api/v1/vault/credentials").header(HttpHeaders.AUTHORIZATION, alice)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("broker", "binance", "label", "Main account",
                        "secrets", Map.of("apiKey", "AK-123", "apiSecret", "SK-456")))
                .exchange().expectStatus().isCreated()
                .expectBody(JSON).returnResult().getResponseBody();
        assertThat(added).containsKeys("id", "fingerprint", "createdAt").containsEntry("broker", "binance")
                .doesNotContainKey("secrets");
        String id = (String) added.get("id");

        http.get().uri("/api/v1/vault/credentials").header(HttpHeaders.AUTHORIZATION, alice).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$[?(@.id == '" + id + "')].label").isEqualTo("Main account")
                .jsonPath("$..apiSecret").doesNotExist();
        http.get().uri("/api/v1/vault/credentials/" + id).header(HttpHeaders.AUTHORIZATION, alice).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.fingerprint").isEqualTo(added.get("fingerprint"));
        http.put().uri("/api/v1/vault/credentials/" + id + "/secrets").header(HttpHeaders.AUTHORIZATION, alice)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("secrets", Map.of("apiKey", "AK-789", "apiSecret", "SK-000")))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.fingerprint").value(fp -> assertThat(fp).isNotEqualTo(added.get("fingerprint")));
        http.delete().uri("/api/v1/vault/credentials/" + id).header(HttpHeaders.AUTHORIZATION, alice).exchange()
                .expectStatus().isNoContent();
        http.get().uri("/api/v1/vault/credentials/" + id).header(HttpHeaders.AUTHORIZATION, alice).exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void brokersArePublicData() {
        http.get().uri("/api/v1/vault/brokers").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$[?(@.id == 'kucoin')].fields[*].name")
                .value(names -> assertThat(names.toString()).contains("passphrase"));
    }

    @Test
    void anotherUsersCredentialIsNotFoundAndUntouched() {
        String id = add(alice, "alpaca", Map.of("keyId", "PK", "secretKey", "SK"));
        String before = database.dump("vault");
        http.get().uri("/api/v1/vault/credentials/" + id).header(HttpHeaders.AUTHORIZATION, bob).exchange()
                .expectStatus().isNotFound().expectBody().jsonPath("$.type").isEqualTo("https://knag.io/problems/not-found");
        http.delete().uri("/api/v1/vault/credentials/" + id).header(HttpHeaders.AUTHORIZATION, bob).exchange()
                .expectStatus().isNotFound();
        http.put().uri("/api/v1/vault/credentials/" + id + "/secrets").header(HttpHeaders.AUTHORIZATION, bob)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("secrets", Map.of("apiKey", "stolen")))
                .exchange().expectStatus().isNotFound();
        http.get().uri("/api/v1/vault/credentials").header(HttpHeaders.AUTHORIZATION, bob).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$[?(@.id == '" + id + "')]").isEmpty();
        assertThat(database.dump("vault")).isEqualTo(before);
    }

    @Test
    void everyVaultEndpointNeedsAToken() {
        http.get().uri("/api/v1/vault/credentials").exchange().expectStatus().isUnauthorized();
        http.post().uri("/api/v1/vault/credentials").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("broker", "paper", "label", "x", "secrets", Map.of())).exchange()
                .expectStatus().isUnauthorized();
        http.delete().uri("/api/v1/vault/credentials/00000000-0000-0000-0000-000000000000").exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void malformedIdsAreNotFound() {
        http.get().uri("/api/v1/vault/credentials/not-a-uuid").header(HttpHeaders.AUTHORIZATION, alice).exchange()
                .expectStatus().isNotFound();
        http.delete().uri("/api/v1/vault/credentials/1' OR '1'='1").header(HttpHeaders.AUTHORIZATION, alice).exchange()
                .expectStatus().isNotFound();
    }

    static Stream<Arguments> badCredentials() {
        return Stream.of(
                Arguments.of("{\"broker\":\"mtgox\",\"label\":\"x\",\"secrets\":{\"apiKey\":\"a\"}}", 400, "unknown-broker"),
                Arguments.of("{\"broker\":\"binance\",\"label\":\"x\",\"secrets\":{\"apiKey\":\"a\"}}", 400, "validation-failed"),
                Arguments.of("{\"broker\":\"binance\",\"label\":\"x\",\"secrets\":{\"apiKey\":\"a\",\"apiSecret\":\"b\","
                        + "\"more\":\"c\"}}", 400, "validation-failed"),
                Arguments.of("{\"broker\":\"binance\",\"label\":\"x\",\"secrets\":{\"apiKey\":1,\"apiSecret\":2}}", 400,
                        "malformed-request"),
                Arguments.of("{\"broker\":\"binance\",\"label\":\"x\",\"secrets\":{\"apiKey\":{\"a\":1},\"apiSecret\":\"b\"}}",
                        400, "malformed-request"),
                Arguments.of("{\"broker\":\"binance\",\"label\":\"x\",\"secrets\":{\"apiKey\":\"\",\"apiSecret\":\"b\"}}", 400,
                        "validation-failed"),
                Arguments.of("{\"broker\":\"binance\",\"label\":\"x\",\"secrets\":{\"apiKey\":\"" + "k".repeat(5000)
                        + "\",\"apiSecret\":\"b\"}}", 400, "validation-failed"),
                Arguments.of("{\"broker\":\"binance\",\"label\":\"   \",\"secrets\":{\"apiKey\":\"a\",\"apiSecret\":\"b\"}}", 400,
                        "validation-failed"),
                Arguments.of("{\"broker\":\"binance\",\"label\":\"" + "l".repeat(101) + "\",\"secrets\":{}}", 400,
                        "validation-failed"),
                Arguments.of("{\"broker\":\"binance\",\"label\":\"x\"}", 400, "validation-failed"),
                Arguments.of("{\"broker\":\"binance\",\"label\":\"x\",\"secrets\":[\"a\"]}", 400, "malformed-request"),
                Arguments.of("{\"broker\":\"binance\",\"label\":\"x\",\"secrets\":{},\"owner\":\"someone\"}", 400,
                        "malformed-request"),
                Arguments.of("{\"broker\":", 400, "malformed-request"));
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @MethodSource("badCredentials")
    void badCredentialsAreRefusedAndNothingIsStored(String body, int status, String type) {
        String before = database.dump("vault");
        http.post().uri("/api/v1/vault/credentials").header(HttpHeaders.AUTHORIZATION, alice)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isEqualTo(status)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://knag.io/problems/" + type);
        assertThat(database.dump("vault")).isEqualTo(before);
    }

    @Test
    void rotatingWithTheWrongFieldsChangesNothing() {
        String id = add(alice, "kraken", Map.of("apiKey", "a", "privateKey", "b"));
        String before = database.dump("vault");
        http.put().uri("/api/v1/vault/credentials/" + id + "/secrets").header(HttpHeaders.AUTHORIZATION, alice)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("secrets", Map.of("apiKey", "only")))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.violations[0].field").isEqualTo("secrets.privateKey");
        assertThat(database.dump("vault")).isEqualTo(before);
    }

    private String add(String token, String broker, Map<String, String> secrets) {
        return (String) http.post().uri("/api/v1/vault/credentials").header(HttpHeaders.AUTHORIZATION, token)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("broker", broker, "label", "l", "secrets", secrets))
                .exchange().expectStatus().isCreated().expectBody(JSON).returnResult().getResponseBody().get("id");
    }

    private String token(String email) {
        http.post().uri("/api/v1/auth/register").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email, "password", "a long passphrase", "displayName", "X"))
                .exchange().expectStatus().isCreated();
        return "Bearer " + http.post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email, "password", "a long passphrase"))
                .exchange().expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody().get("accessToken");
    }

}
