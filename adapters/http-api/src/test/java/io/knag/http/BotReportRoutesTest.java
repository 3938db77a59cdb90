package io.knag.http;

import static io.knag.http.RouteFixture.ALICE;
import static io.knag.http.RouteFixture.ALICE_TOKEN;
import static io.knag.http.RouteFixture.problem;
import static org.assertj.core.api.Assertions.assertThat;

import io.knag.bots.reports.application.Portfolio;
import io.knag.bots.reports.application.ReportOutcome;
import io.knag.bots.reports.application.ReportProblems;
import io.knag.bots.reports.application.ReportSubmission;
import io.knag.bots.reports.application.TradesPage;
import io.knag.bots.reports.application.TradesQuery;
import io.knag.kernel.ProblemType;
import io.knag.kernel.auth.Authenticated;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;

/** The reports router and its handler, the report functions stubbed: a bot's CloudEvent in, results out. */
class BotReportRoutesTest {

    static final UUID BOT = UUID.randomUUID();

    final List<Object> calls = new ArrayList<>();

    final WebTestClient client = RouteFixture.client(BotReportRoutes.routes(new BotReportHandler(
            report -> record(report).thenReturn(report.eventId().equals("seen") ? ReportOutcome.DUPLICATE : ReportOutcome.ACCEPTED),
            trades -> record(trades).thenReturn(new TradesPage(List.of(), 0, 0, 50)),
            performance -> Mono.error(new IllegalStateException("not called in these tests")),
            caller -> record(caller).thenReturn(new Portfolio(List.of(), BigDecimal.ZERO, BigDecimal.ZERO, 0))),
            RouteFixture.AUTH));

    @Test
    void aBinaryModeCloudEventIsHandedOnWithItsReportToken() {
        heartbeat("e-1").exchange()
                .expectStatus().isAccepted()
                .expectBody().jsonPath("$.id").isEqualTo("e-1").jsonPath("$.status").isEqualTo("accepted");
        heartbeat("seen").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("duplicate");
        assertThat(calls).first().isInstanceOfSatisfying(ReportSubmission.class, report -> {
            assertThat(report.botId()).isEqualTo(BOT);
            assertThat(report.token()).isEqualTo("report-token");
            assertThat(report.type()).isEqualTo("io.knag.bot.heartbeat");
            assertThat(report.data()).containsEntry("note", "alive");
        });
    }

    @Test
    void whatIsNotACloudEventIsRefusedBeforeTheFunction() {
        client.post().uri("/api/v1/bots/" + BOT + "/reports").header(HttpHeaders.AUTHORIZATION, "Bearer report-token")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"note\":\"alive\"}").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo(problem(ReportProblems.INVALID_REPORT));
        heartbeat("has space").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo(problem(ReportProblems.INVALID_REPORT));
        assertThat(calls).isEmpty();
    }

    @Test
    void resultsAreTheOwnersAndTheirPagingIsChecked() {
        client.get().uri("/api/v1/bots/" + BOT + "/trades?offset=10&limit=20")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + ALICE_TOKEN).exchange()
                .expectStatus().isOk();
        client.get().uri("/api/v1/bots/" + BOT + "/trades?limit=many")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + ALICE_TOKEN).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo(problem(ProblemType.VALIDATION_FAILED));
        client.get().uri("/api/v1/portfolio").exchange()
                .expectStatus().isUnauthorized();
        client.get().uri("/api/v1/bots/" + BOT + "/performance").header(HttpHeaders.AUTHORIZATION, "Bearer report-token")
                .exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.type").isEqualTo(problem(ProblemType.INVALID_TOKEN));
        assertThat(calls).containsExactly(new Authenticated<>(ALICE, new TradesQuery(BOT, 10, 20)));
    }

    private WebTestClient.RequestHeadersSpec<?> heartbeat(String id) {
        return client.post().uri("/api/v1/bots/" + BOT + "/reports")
                .header(HttpHeaders.AUTHORIZATION, "Bearer report-token")
                .header("ce-specversion", "1.0").header("ce-id", id).header("ce-source", "/bots/" + BOT)
                .header("ce-type", "io.knag.bot.heartbeat")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"note\":\"alive\"}");
    }

    private Mono<Void> record(Object call) {
        return Mono.fromRunnable(() -> calls.add(call));
    }
}
