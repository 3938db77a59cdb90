package io.knag.http;

import static io.knag.http.RouteFixture.ALICE;
import static io.knag.http.RouteFixture.ALICE_TOKEN;
import static io.knag.http.RouteFixture.BOB_TOKEN;
import static io.knag.http.RouteFixture.problem;
import static org.assertj.core.api.Assertions.assertThat;

import io.knag.kernel.KnagException;
import io.knag.kernel.ProblemType;
import io.knag.kernel.auth.Authenticated;
import io.knag.paper.application.DeletePaperAccount;
import io.knag.paper.application.NewPaperAccount;
import io.knag.paper.application.PaperAccountView;
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

/** The paper accounts router and its handler, the paper functions stubbed. */
class PaperAccountRoutesTest {

    static final UUID ALICES_ACCOUNT = UUID.randomUUID();
    static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");
    static final List<PaperAccountView.BalanceView> BALANCES = List.of(new PaperAccountView.BalanceView("USDT", "10000", "0"));

    final List<Object> calls = new ArrayList<>();

    final WebTestClient client = RouteFixture.client(PaperAccountRoutes.routes(new PaperAccountHandler(
            create -> record(create).thenReturn(new NewPaperAccount(ALICES_ACCOUNT, create.request().label(), "key",
                    "secret shown once", List.of("trade"), BALANCES, AT)),
            caller -> record(caller).thenReturn(List.of()),
            get -> record(get).then(alices(get.request(), get)),
            delete -> record(delete).then(alices(delete.request().id(), delete)).then()), RouteFixture.AUTH));

    @Test
    void aNewAccountIsAt201AndItsOneAnswerIsNeverStored() {
        client.post().uri("/api/v1/paper/accounts").header(HttpHeaders.AUTHORIZATION, "Bearer " + ALICE_TOKEN)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("label", "practice", "balances", Map.of("USDT", "10000")))
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().valueEquals(HttpHeaders.LOCATION, "/api/v1/paper/accounts/" + ALICES_ACCOUNT)
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-store")
                .expectBody().jsonPath("$.apiSecret").isEqualTo("secret shown once");
    }

    @Test
    void badBalancesAreA400AndCallNothing() {
        client.post().uri("/api/v1/paper/accounts").header(HttpHeaders.AUTHORIZATION, "Bearer " + ALICE_TOKEN)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("label", "practice", "balances", Map.of()))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo(problem(ProblemType.VALIDATION_FAILED));
        assertThat(calls).isEmpty();
    }

    @Test
    void anotherUsersAccountIsA404AndNoTokenA401() {
        client.get().uri("/api/v1/paper/accounts/" + ALICES_ACCOUNT).header(HttpHeaders.AUTHORIZATION, "Bearer " + BOB_TOKEN)
                .exchange()
                .expectStatus().isNotFound();
        client.delete().uri("/api/v1/paper/accounts/" + ALICES_ACCOUNT).header(HttpHeaders.AUTHORIZATION, "Bearer " + BOB_TOKEN)
                .exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.type").isEqualTo(problem(ProblemType.NOT_FOUND));
        client.get().uri("/api/v1/paper/accounts").exchange()
                .expectStatus().isUnauthorized();
        assertThat(calls).hasSize(2);
    }

    @Test
    void aDeleteNamesTheAccountOfItsPath() {
        client.delete().uri("/api/v1/paper/accounts/" + ALICES_ACCOUNT).header(HttpHeaders.AUTHORIZATION, "Bearer " + ALICE_TOKEN)
                .exchange()
                .expectStatus().isNoContent();
        assertThat(calls).containsExactly(new Authenticated<>(ALICE, new DeletePaperAccount(ALICES_ACCOUNT)));
    }

    private Mono<Void> record(Object call) {
        return Mono.fromRunnable(() -> calls.add(call));
    }

    private static Mono<PaperAccountView> alices(UUID id, Authenticated<?> command) {
        return id.equals(ALICES_ACCOUNT) && command.caller().equals(ALICE)
                ? Mono.just(new PaperAccountView(id, "practice", "key", List.of("trade"), BALANCES, AT))
                : Mono.error(new KnagException(ProblemType.NOT_FOUND, "No such paper account"));
    }
}
