package io.knag.http;

import static io.knag.http.RouteFixture.ALICE;
import static io.knag.http.RouteFixture.ALICE_TOKEN;
import static io.knag.http.RouteFixture.BOB_TOKEN;
import static io.knag.http.RouteFixture.problem;
import static org.assertj.core.api.Assertions.assertThat;

import io.knag.kernel.KnagException;
import io.knag.kernel.ProblemType;
import io.knag.kernel.auth.Authenticated;
import io.knag.vault.Broker;
import io.knag.vault.CredentialView;
import io.knag.vault.RotateCredential;
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

/** The vault router and its handler, the vault functions stubbed. */
class VaultRoutesTest {

    static final UUID ALICES_KEY = UUID.randomUUID();

    final List<Object> calls = new ArrayList<>();

    final WebTestClient client = RouteFixture.client(VaultRoutes.routes(new CredentialHandler(
            () -> Mono.just(List.of(new Broker("paper", "Paper exchange", List.of(new Broker.Field("apiKey", true))))),
            caller -> record(caller).thenReturn(List.of(view())),
            add -> record(add).thenReturn(view()),
            get -> record(get).then(alices(get.request(), get)),
            rotate -> record(rotate).then(alices(rotate.request().id(), rotate)),
            delete -> record(delete).then(alices(delete.request(), delete)).then()), RouteFixture.AUTH));

    @Test
    void theBrokersArePublic() {
        client.get().uri("/api/v1/vault/brokers").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$[0].id").isEqualTo("paper").jsonPath("$[0].fields[0].name").isEqualTo("apiKey");
    }

    @Test
    void credentialsNeedAToken() {
        client.get().uri("/api/v1/vault/credentials").exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.type").isEqualTo(problem(ProblemType.AUTHENTICATION_REQUIRED));
        assertThat(calls).isEmpty();
    }

    @Test
    void anAddedCredentialIsAt201AndItsAnswerHoldsNoSecret() {
        client.post().uri("/api/v1/vault/credentials").header(HttpHeaders.AUTHORIZATION, "Bearer " + ALICE_TOKEN)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("broker", "paper", "label", "main", "secrets", Map.of("apiKey", "k", "apiSecret", "s")))
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().valueEquals(HttpHeaders.LOCATION, "/api/v1/vault/credentials/" + ALICES_KEY)
                .expectBody(String.class).value(body -> assertThat(body).doesNotContain("apiSecret").contains("fingerprint"));
        assertThat(calls).singleElement().satisfies(call -> assertThat(((Authenticated<?>) call).caller()).isEqualTo(ALICE));
    }

    @Test
    void anotherUsersCredentialIsA404() {
        String key = "/api/v1/vault/credentials/" + ALICES_KEY;
        client.get().uri(key).header(HttpHeaders.AUTHORIZATION, "Bearer " + BOB_TOKEN).exchange()
                .expectStatus().isNotFound();
        client.put().uri(key + "/secrets").header(HttpHeaders.AUTHORIZATION, "Bearer " + BOB_TOKEN)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("secrets", Map.of("apiKey", "k"))).exchange()
                .expectStatus().isNotFound();
        client.delete().uri(key).header(HttpHeaders.AUTHORIZATION, "Bearer " + BOB_TOKEN).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.type").isEqualTo(problem(ProblemType.NOT_FOUND));
        assertThat(calls).hasSize(3);
    }

    @Test
    void aRotationCarriesTheIdOfItsPath() {
        client.put().uri("/api/v1/vault/credentials/" + ALICES_KEY + "/secrets")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + ALICE_TOKEN).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("secrets", Map.of("apiKey", "k2", "apiSecret", "s2"))).exchange()
                .expectStatus().isOk();
        client.delete().uri("/api/v1/vault/credentials/" + ALICES_KEY).header(HttpHeaders.AUTHORIZATION, "Bearer " + ALICE_TOKEN)
                .exchange()
                .expectStatus().isNoContent();
        assertThat(calls).first().isEqualTo(new Authenticated<>(ALICE, new RotateCredential(ALICES_KEY,
                Map.of("apiKey", "k2", "apiSecret", "s2"))));
    }

    private Mono<Void> record(Object call) {
        return Mono.fromRunnable(() -> calls.add(call));
    }

    private static Mono<CredentialView> alices(UUID id, Authenticated<?> command) {
        return id.equals(ALICES_KEY) && command.caller().equals(ALICE) ? Mono.just(view())
                : Mono.error(new KnagException(ProblemType.NOT_FOUND, "No such credential"));
    }

    private static CredentialView view() {
        Instant at = Instant.parse("2026-12-01T10:00:00Z");
        return new CredentialView(ALICES_KEY, "paper", "main", "SHA256:abcd", at, at);
    }
}
