package io.knag.http;

import static io.knag.http.RouteFixture.ALICE;
import static io.knag.http.RouteFixture.ALICE_TOKEN;
import static io.knag.http.RouteFixture.BOB_TOKEN;
import static io.knag.http.RouteFixture.problem;
import static org.assertj.core.api.Assertions.assertThat;

import io.knag.bots.BotImages;
import io.knag.bots.BotLogs;
import io.knag.bots.BotStatusChanged;
import io.knag.bots.BotView;
import io.knag.bots.CreateBot;
import io.knag.bots.DeleteOutcome;
import io.knag.bots.StartBot;
import io.knag.bots.StopBot;
import io.knag.bots.UpdateBot;
import io.knag.bots.domain.BotProblems;
import io.knag.bots.domain.BotState;
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

/**
 * The bots router and its handlers, bound without a server, the bots functions stubbed: what each route reads,
 * hands on with the verified caller, and answers; and what it refuses before any function runs.
 */
class BotRoutesTest {

    static final UUID ALICES_BOT = UUID.randomUUID();
    static final UUID CREDENTIAL = UUID.randomUUID();

    final List<Object> calls = new ArrayList<>();
    DeleteOutcome deleteOutcome = DeleteOutcome.DELETED;

    final WebTestClient client = RouteFixture.client(BotRoutes.routes(
            new BotHandler(
                    create -> record(create).then(Mono.just(view(UUID.randomUUID(), BotState.CREATED))),
                    caller -> record(caller).then(Mono.just(List.of(view(ALICES_BOT, BotState.CREATED)))),
                    get -> record(get).then(alicesBot(get.request(), get)),
                    update -> record(update).then(alicesBot(update.request().id(), update)),
                    delete -> record(delete).then(alicesBot(delete.request(), delete)).thenReturn(deleteOutcome),
                    caller -> record(caller).thenReturn(new BotImages(List.of(new BotImages.Entry("knag/reference-bot", false),
                            new BotImages.Entry("ghcr.io/community/", true))))),
            new BotRunHandler(
                    start -> record(start).then(alicesBot(start.request().id(), start))
                            .map(bot -> view(bot.id(), BotState.STARTING)),
                    stop -> record(stop).then(alicesBot(stop.request().id(), stop)).map(bot -> view(bot.id(), BotState.STOPPING)),
                    logs -> record(logs).then(alicesBot(logs.request().id(), logs))
                            .map(bot -> new BotLogs(bot.id(), BotState.RUNNING, List.of("started", "bought 0.1 BTC"))),
                    events -> record(events).then(alicesBot(events.request(), events)).map(bot -> List.of(
                            new BotStatusChanged(bot.id(), ALICE.userId().value(), null, BotState.CREATED,
                                    Instant.parse("2026-12-01T10:00:00Z"), "created")))),
            RouteFixture.AUTH));

    @Test
    void listingHandsTheVerifiedCallerToTheFunction() {
        client.get().uri("/api/v1/bots").header(HttpHeaders.AUTHORIZATION, "Bearer " + ALICE_TOKEN).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$[0].id").isEqualTo(ALICES_BOT.toString());
        assertThat(calls).containsExactly(ALICE);
    }

    @Test
    void theAllowedImagesAreTheCallersToReadAndNotABotId() {
        client.get().uri("/api/v1/bots/images").header(HttpHeaders.AUTHORIZATION, "Bearer " + ALICE_TOKEN).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.images[0].image").isEqualTo("knag/reference-bot")
                .jsonPath("$.images[1].prefix").isEqualTo(true);
        client.get().uri("/api/v1/bots/images").exchange()
                .expectStatus().isUnauthorized();
        assertThat(calls).containsExactly(ALICE);
    }

    @Test
    void aCreatedBotIsAt201WithItsLocation() {
        client.post().uri("/api/v1/bots").header(HttpHeaders.AUTHORIZATION, "bearer " + ALICE_TOKEN)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "grid", "image", "knag/heartbeat-bot", "credentialId", CREDENTIAL))
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().value(HttpHeaders.LOCATION, location -> assertThat(location).startsWith("/api/v1/bots/"))
                .expectBody().jsonPath("$.state").isEqualTo("CREATED");
        assertThat(calls).singleElement().isEqualTo(new Authenticated<>(ALICE,
                new CreateBot("grid", "knag/heartbeat-bot", CREDENTIAL, null, null, null, null)));
    }

    @Test
    void noTokenOrAnotherTokenIsA401AndCallsNothing() {
        client.get().uri("/api/v1/bots/" + ALICES_BOT).exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.type").isEqualTo(problem(ProblemType.AUTHENTICATION_REQUIRED));
        client.post().uri("/api/v1/bots/" + ALICES_BOT + "/stop").header(HttpHeaders.AUTHORIZATION, "Bearer forged")
                .exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.type").isEqualTo(problem(ProblemType.INVALID_TOKEN));
        client.get().uri("/api/v1/bots").header(HttpHeaders.AUTHORIZATION, "Basic " + ALICE_TOKEN).exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.type").isEqualTo(problem(ProblemType.INVALID_TOKEN));
        assertThat(calls).isEmpty();
    }

    @Test
    void anotherUsersBotIsA404ForEveryRoute() {
        String bobs = "Bearer " + BOB_TOKEN;
        String bot = "/api/v1/bots/" + ALICES_BOT;
        List<WebTestClient.RequestHeadersSpec<?>> requests = List.of(
                client.get().uri(bot).header(HttpHeaders.AUTHORIZATION, bobs),
                client.patch().uri(bot).header(HttpHeaders.AUTHORIZATION, bobs).contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("name", "mine now")),
                client.delete().uri(bot).header(HttpHeaders.AUTHORIZATION, bobs),
                client.post().uri(bot + "/start").header(HttpHeaders.AUTHORIZATION, bobs)
                        .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("password", "bob's password")),
                client.post().uri(bot + "/stop").header(HttpHeaders.AUTHORIZATION, bobs),
                client.get().uri(bot + "/logs").header(HttpHeaders.AUTHORIZATION, bobs),
                client.get().uri(bot + "/events").header(HttpHeaders.AUTHORIZATION, bobs));
        for (var request : requests) {
            request.exchange()
                    .expectStatus().isNotFound()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.type").isEqualTo(problem(ProblemType.NOT_FOUND));
        }
        assertThat(calls).hasSize(requests.size())
                .allSatisfy(call -> assertThat(((Authenticated<?>) call).caller()).isEqualTo(RouteFixture.BOB));
    }

    @Test
    void aMalformedIdNamesNothingAndCallsNothing() {
        client.get().uri("/api/v1/bots/not-a-uuid").header(HttpHeaders.AUTHORIZATION, "Bearer " + ALICE_TOKEN).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.type").isEqualTo(problem(ProblemType.NOT_FOUND));
        assertThat(calls).isEmpty();
    }

    @Test
    void aMissingOrMisshapenBodyIsA400() {
        client.post().uri("/api/v1/bots").header(HttpHeaders.AUTHORIZATION, "Bearer " + ALICE_TOKEN)
                .contentType(MediaType.APPLICATION_JSON).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo(problem(ProblemType.MALFORMED_REQUEST));
        client.post().uri("/api/v1/bots/" + ALICES_BOT + "/start").header(HttpHeaders.AUTHORIZATION, "Bearer " + ALICE_TOKEN)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of()).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo(problem(ProblemType.VALIDATION_FAILED));
        assertThat(calls).isEmpty();
    }

    @Test
    void startAndStopAreAcceptedAndCarryWhatTheyAskFor() {
        client.post().uri("/api/v1/bots/" + ALICES_BOT + "/start").header(HttpHeaders.AUTHORIZATION, "Bearer " + ALICE_TOKEN)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("password", "alice's password")).exchange()
                .expectStatus().isAccepted()
                .expectBody().jsonPath("$.state").isEqualTo("STARTING");
        client.post().uri("/api/v1/bots/" + ALICES_BOT + "/stop").header(HttpHeaders.AUTHORIZATION, "Bearer " + ALICE_TOKEN)
                .exchange()
                .expectStatus().isAccepted()
                .expectBody().jsonPath("$.state").isEqualTo("STOPPING");
        assertThat(calls).containsExactly(new Authenticated<>(ALICE, new StartBot(ALICES_BOT, "alice's password")),
                new Authenticated<>(ALICE, new StopBot(ALICES_BOT)));
    }

    @Test
    void anUpdateCarriesTheIdOfItsPathAndTheChangesOfItsBody() {
        client.patch().uri("/api/v1/bots/" + ALICES_BOT).header(HttpHeaders.AUTHORIZATION, "Bearer " + ALICE_TOKEN)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("name", "renamed")).exchange()
                .expectStatus().isOk();
        assertThat(calls).singleElement().isEqualTo(new Authenticated<>(ALICE, new UpdateBot(ALICES_BOT,
                new UpdateBot.Changes("renamed", null, null, null, null, null, null))));
    }

    @Test
    void aDeletedBotIs204AndARunningOneIs202() {
        client.delete().uri("/api/v1/bots/" + ALICES_BOT).header(HttpHeaders.AUTHORIZATION, "Bearer " + ALICE_TOKEN)
                .exchange().expectStatus().isNoContent();
        deleteOutcome = DeleteOutcome.STOPPING_THEN_DELETED;
        client.delete().uri("/api/v1/bots/" + ALICES_BOT).header(HttpHeaders.AUTHORIZATION, "Bearer " + ALICE_TOKEN)
                .exchange().expectStatus().isAccepted();
    }

    @Test
    void logsAreJsonOrLinesOfTextAndTheirTailIsChecked() {
        String logs = "/api/v1/bots/" + ALICES_BOT + "/logs";
        client.get().uri(logs).header(HttpHeaders.AUTHORIZATION, "Bearer " + ALICE_TOKEN).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.lines[1]").isEqualTo("bought 0.1 BTC");
        client.get().uri(logs + "?tail=5").header(HttpHeaders.AUTHORIZATION, "Bearer " + ALICE_TOKEN)
                .accept(MediaType.TEXT_PLAIN).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_PLAIN)
                .expectBody(String.class).isEqualTo("started\nbought 0.1 BTC\n");
        client.get().uri(logs + "?tail=lots").header(HttpHeaders.AUTHORIZATION, "Bearer " + ALICE_TOKEN).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo(problem(BotProblems.LOG_LIMIT));
        assertThat(calls).hasSize(2);
    }

    @Test
    void whatARouteCannotAnswerWithIsA406BeforeTheTokenIsChecked() {
        client.get().uri("/api/v1/bots/" + ALICES_BOT).accept(MediaType.TEXT_PLAIN).exchange()
                .expectStatus().isEqualTo(406)
                .expectBody().jsonPath("$.type").isEqualTo(problem(io.knag.web.HttpProblems.NOT_ACCEPTABLE));
        client.get().uri("/api/v1/bots/" + ALICES_BOT + "/logs").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isEqualTo(406);
        client.get().uri("/api/v1/bots/" + ALICES_BOT + "/logs").accept(MediaType.TEXT_PLAIN).exchange()
                .expectStatus().isUnauthorized();
        assertThat(calls).isEmpty();
    }

    @Test
    void theStatusHistoryIsTheFunctionsAnswer() {
        client.get().uri("/api/v1/bots/" + ALICES_BOT + "/events").header(HttpHeaders.AUTHORIZATION, "Bearer " + ALICE_TOKEN)
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$[0].to").isEqualTo("CREATED").jsonPath("$[0].detail").isEqualTo("created");
    }

    private Mono<Void> record(Object call) {
        return Mono.fromRunnable(() -> calls.add(call));
    }

    /** Alice's bot for Alice; for anyone else, or any other id, what the bots functions answer: no such bot. */
    private static Mono<BotView> alicesBot(UUID id, Authenticated<?> command) {
        return id.equals(ALICES_BOT) && command.caller().equals(ALICE) ? Mono.just(view(id, BotState.RUNNING))
                : Mono.error(new KnagException(ProblemType.NOT_FOUND, "No such bot"));
    }

    private static BotView view(UUID id, BotState state) {
        return new BotView(id, "grid", "knag/heartbeat-bot", CREDENTIAL, Map.of(), null, null, null, state, false,
                Instant.parse("2026-12-01T10:00:00Z"), Instant.parse("2026-12-01T10:00:00Z"), null, null);
    }
}
