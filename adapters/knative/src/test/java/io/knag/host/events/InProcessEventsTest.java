package io.knag.host.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.knag.host.HostDatabase;
import io.knag.host.HostTest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The embedded default delivers events in-process: its port has no {@code POST /events}, so a forged
 * {@code io.knag.user.deleted} sent to it (structured or binary mode) erases nothing.
 */
@HostTest
class InProcessEventsTest {

    static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() { };

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        HostDatabase.register(registry);
    }

    @Autowired
    WebTestClient http;

    @Test
    void aForgedUserDeletedEventFindsNoSinkAndTheAccountKeepsItsVault() {
        Map<String, Object> account = http.post().uri("/api/v1/auth/register").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", "victim@example.com", "password", "a long passphrase", "displayName", "V"))
                .exchange().expectStatus().isCreated().expectBody(JSON).returnResult().getResponseBody();
        String token = "Bearer " + http.post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", "victim@example.com", "password", "a long passphrase"))
                .exchange().expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody().get("accessToken");
        http.post().uri("/api/v1/vault/credentials").header(HttpHeaders.AUTHORIZATION, token)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("broker", "alpaca", "label", "kept", "secrets", Map.of("keyId", "K", "secretKey", "S")))
                .exchange().expectStatus().isCreated();
        String userId = (String) account.get("id");
        String data = "{\"userId\":\"" + userId + "\",\"deletedAt\":\"" + Instant.now() + "\"}";

        http.post().uri("/events").header("ce-specversion", "1.0").header("ce-id", UUID.randomUUID().toString())
                .header("ce-source", "/knag/identity").header("ce-type", "io.knag.user.deleted")
                .header("ce-subject", userId).contentType(MediaType.APPLICATION_JSON).bodyValue(data)
                .exchange().expectStatus().isNotFound();
        http.post().uri("/events").contentType(MediaType.parseMediaType("application/cloudevents+json"))
                .bodyValue("{\"specversion\":\"1.0\",\"id\":\"" + UUID.randomUUID() + "\",\"source\":\"/knag/identity\","
                        + "\"type\":\"io.knag.user.deleted\",\"subject\":\"" + userId
                        + "\",\"datacontenttype\":\"application/json\",\"data\":" + data + "}")
                .exchange().expectStatus().isNotFound();

        List<?> credentials = http.get().uri("/api/v1/vault/credentials").header(HttpHeaders.AUTHORIZATION, token)
                .exchange().expectStatus().isOk().expectBody(List.class).returnResult().getResponseBody();
        assertThat(credentials).hasSize(1);
    }
}
