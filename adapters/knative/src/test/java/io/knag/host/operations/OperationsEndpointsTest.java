package io.knag.host.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.knag.host.HostDatabase;
import io.knag.host.HostTest;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.AvailabilityState;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Health, liveness, readiness and metrics of the running host, at actuator's paths and in its shapes. */
@HostTest
class OperationsEndpointsTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        HostDatabase.register(registry);
    }

    @Autowired
    WebTestClient http;

    @Autowired
    ApplicationContext context;

    @LocalServerPort
    int port;

    @Test
    void healthLivenessAndReadinessAreUpWithTheDatabase() {
        for (String path : List.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")) {
            http.get().uri(path).exchange().expectStatus().isOk()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                    .expectBody().json("{\"status\":\"UP\"}", true);
        }
    }

    @Test
    void readinessTurnsOutOfServiceWhileTheHostRefusesTraffic() {
        whileIn(ReadinessState.REFUSING_TRAFFIC, ReadinessState.ACCEPTING_TRAFFIC, () -> {
            http.get().uri("/actuator/health/readiness").exchange().expectStatus().isEqualTo(503)
                    .expectBody().json("{\"status\":\"OUT_OF_SERVICE\"}", true);
            http.get().uri("/actuator/health").exchange().expectStatus().isEqualTo(503);
            http.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
        });
        http.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
    }

    @Test
    void livenessTurnsDownWhenTheHostIsBroken() {
        whileIn(LivenessState.BROKEN, LivenessState.CORRECT, () -> {
            http.get().uri("/actuator/health/liveness").exchange().expectStatus().isEqualTo(503)
                    .expectBody().json("{\"status\":\"DOWN\"}", true);
            http.get().uri("/actuator/health").exchange().expectStatus().isEqualTo(503)
                    .expectBody().json("{\"status\":\"DOWN\"}", true);
        });
        http.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
    }

    /** Runs {@code checks} with the host in {@code state}, then puts it back in {@code usual} (the context is shared). */
    private void whileIn(AvailabilityState state, AvailabilityState usual, Runnable checks) {
        try {
            AvailabilityChangeEvent.publish(context, state);
            checks.run();
        } finally {
            AvailabilityChangeEvent.publish(context, usual);
        }
    }

    @Test
    void prometheusTimesEachRequestOnceByRoutePatternWithTheProcessAndPoolMeters() {
        String unauthorized = "exception=\"KnagException\",method=\"GET\",outcome=\"CLIENT_ERROR\",status=\"401\","
                + "uri=\"/api/v1/vault/credentials/{id}\"";
        String oddMethod = "method=\"OTHER\",outcome=\"CLIENT_ERROR\",status=\"404\",uri=\"NOT_FOUND\"";
        String unknownPath = "method=\"GET\",outcome=\"CLIENT_ERROR\",status=\"404\",uri=\"NOT_FOUND\"";
        String healthy = "exception=\"none\",method=\"GET\",outcome=\"SUCCESS\",status=\"200\",uri=\"/actuator/health\"";
        String before = scrape();

        http.get().uri("/api/v1/vault/credentials/6c1c3d5e-5e55-4a57-9f3a-0d1f6d5f6b11").exchange()
                .expectStatus().isUnauthorized();
        http.method(HttpMethod.valueOf("BREW")).uri("/actuator/health").exchange().expectStatus().isNotFound();
        http.get().uri("/no/such/thing/" + System.nanoTime()).exchange().expectStatus().isNotFound();
        http.get().uri("/actuator/health").exchange().expectStatus().isOk();
        http.get().uri("/actuator/health").exchange().expectStatus().isOk();

        String after = scrape();
        assertThat(requests(after, unauthorized) - requests(before, unauthorized)).isEqualTo(1);
        assertThat(requests(after, oddMethod) - requests(before, oddMethod)).isEqualTo(1);
        assertThat(requests(after, unknownPath) - requests(before, unknownPath)).isEqualTo(1);
        assertThat(requests(after, healthy) - requests(before, healthy)).isEqualTo(2);
        assertThat(after).doesNotContain("6c1c3d5e", "/no/such/thing", "BREW")
                .contains("jvm_memory_used_bytes", "jvm_gc_", "jvm_gc_overhead", "jvm_compilation_time_ms_total",
                        "process_cpu_usage", "process_uptime_seconds", "jvm_threads_live_threads",
                        "r2dbc_pool_max_allocated{name=\"connectionFactory\"} 10.0",
                        "r2dbc_pool_acquired{name=\"connectionFactory\"} 0.0");
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void aRequestWhoseCallerGivesUpIsCountedWithAnUnknownOutcomeAndIsNoServerError(CapturedOutput output)
            throws Exception {
        String abandoned = "method=\"POST\",outcome=\"UNKNOWN\",status=\"UNKNOWN\",uri=\"/api/v1/auth/login\"";
        double before = requests(scrape(), abandoned);
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.getOutputStream().write(("POST /api/v1/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"email\":").getBytes(
                    StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            Thread.sleep(200);
        }
        double after = before;
        for (int attempt = 0; attempt < 50 && after == before; attempt++) {
            Thread.sleep(100);
            after = requests(scrape(), abandoned);
        }
        assertThat(after - before).isEqualTo(1);
        assertThat(output).doesNotContain("unexpected error").doesNotContain("500 Server Error");
    }

    @Test
    void headAnswersLikeGetWithoutABody() {
        for (String path : List.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness",
                "/actuator/prometheus")) {
            http.head().uri(path).exchange().expectStatus().isOk().expectBody().isEmpty();
        }
    }

    private String scrape() {
        return http.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8")
                .expectBody(String.class).returnResult().getResponseBody();
    }

    /** The count of http.server.requests series whose labels contain {@code labels}, summed. */
    private static double requests(String metrics, String labels) {
        return metrics.lines().filter(line -> line.startsWith("http_server_requests_seconds_count{") && line.contains(labels))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    @Test
    void otherActuatorEndpointsAndMethodsAreNotThere() {
        for (String path : List.of("/actuator", "/actuator/env", "/actuator/beans", "/actuator/heapdump",
                "/actuator/health/db", "/actuator/metrics")) {
            http.get().uri(path).exchange().expectStatus().isNotFound()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.type").isEqualTo("https://knag.io/problems/not-found");
        }
        http.post().uri("/actuator/health").exchange().expectStatus().is4xxClientError()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        http.delete().uri("/actuator/prometheus").exchange().expectStatus().is4xxClientError()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }
}
