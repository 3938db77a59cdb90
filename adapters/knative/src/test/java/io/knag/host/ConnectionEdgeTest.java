package io.knag.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.knag.kernel.testing.RawHttp;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * What Netty refuses before WebFlux runs is a problem+json answer with the host's headers, and a request sent too
 * slowly (headers or body) is a 408 and a closed connection; an idle kept-alive connection is not timed out.
 */
@HostTest
@TestPropertySource(properties = "knag.http.read-timeout=1s")
class ConnectionEdgeTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        HostDatabase.register(registry);
    }

    @LocalServerPort
    int port;

    static Stream<Arguments> refusedByTheCodec() {
        String login = "POST /api/v1/auth/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n";
        return Stream.of(
                Arguments.of("a header over 8 KB", "GET /api/v1/vault/brokers HTTP/1.1\r\nHost: localhost\r\nX-Big: "
                        + "x".repeat(9_000) + "\r\n\r\n", 431, "headers-too-large"),
                Arguments.of("many headers over 8 KB", "GET /api/v1/vault/brokers HTTP/1.1\r\nHost: localhost\r\n"
                        + "X-Many: 0123456789012345678901234567890123456789\r\n".repeat(300) + "\r\n", 431, "headers-too-large"),
                Arguments.of("a 5,000-character id", "GET /api/v1/bots/" + "a".repeat(5_000) + " HTTP/1.1\r\nHost: localhost\r\n\r\n",
                        414, "uri-too-long"),
                Arguments.of("two different Content-Lengths", login + "Content-Length: 2\r\nContent-Length: 3\r\n\r\n{}",
                        400, "malformed-http"),
                Arguments.of("a negative Content-Length", login + "Content-Length: -1\r\n\r\n{}", 400, "malformed-http"),
                Arguments.of("a Content-Length that is not a number", login + "Content-Length: 2x\r\n\r\n{}", 400,
                        "malformed-http"),
                Arguments.of("a chunk size that is not hexadecimal", login + "Transfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n",
                        400, "malformed-http"),
                Arguments.of("a request line that is not HTTP", "GET\r\n\r\n", 400, "malformed-http"),
                Arguments.of("a header line without a colon", "GET /api/v1/vault/brokers HTTP/1.1\r\nHost: localhost\r\n"
                        + "no colon here\r\n\r\n", 400, "malformed-http"));
    }

    @ParameterizedTest(name = "{0} -> {2} {3}")
    @MethodSource("refusedByTheCodec")
    void whatTheCodecRefusesIsAProblemWithTheHostsHeaders(String name, String request, int status, String type)
            throws Exception {
        try (RawHttp http = RawHttp.plain(port)) {
            RawHttp.Answer answer = http.send(request).answer();

            assertThat(answer.status()).isEqualTo(status);
            assertThat(answer.header("Content-Type")).isEqualTo("application/problem+json");
            assertThat(answer.body()).contains("\"type\":\"https://knag.io/problems/" + type + "\"")
                    .contains("\"status\":" + status);
            assertThat(answer.headers("X-Content-Type-Options")).containsExactly("nosniff");
            assertThat(answer.header("Cache-Control")).isEqualTo("no-store");
            assertThat(http.closedByServer()).as("the connection is closed").isTrue();
        }
    }

    @Test
    void aBackslashInThePathIsPathNotNormal() throws Exception {
        try (RawHttp http = RawHttp.plain(port)) {
            RawHttp.Answer answer = http.send("GET /api/v1\\vault/brokers HTTP/1.1\r\nHost: localhost\r\n\r\n").answer();

            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.header("Content-Type")).isEqualTo("application/problem+json");
            assertThat(answer.body()).contains("path-not-normal");
        }
    }

    @Test
    void headersSentTooSlowlyAre408AndTheConnectionCloses() throws Exception {
        try (RawHttp http = RawHttp.plain(port)) {
            long started = System.nanoTime();
            http.send("GET /api/v1/vault/brokers HTTP/1.1\r\n").trickle("X-Slow: " + "s".repeat(40) + "\r\n\r\n",
                    Duration.ofMillis(100));
            RawHttp.Answer answer = http.answer();

            assertThat(answer.status()).isEqualTo(408);
            assertThat(answer.body()).contains("request-timeout");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
            assertThat(http.closedByServer()).isTrue();
        }
    }

    @Test
    void aBodySentTooSlowlyIs408() throws Exception {
        try (RawHttp http = RawHttp.plain(port)) {
            http.send("POST /api/v1/auth/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 200\r\n\r\n{\"email\":").trickle("\"slow@example.com\"", Duration.ofMillis(150));
            RawHttp.Answer answer = http.answer();

            assertThat(answer.status()).isEqualTo(408);
            assertThat(answer.body()).contains("request-timeout");
        }
    }

    @Test
    void anIdleKeptAliveConnectionIsNotARequestTooSlow() throws Exception {
        String request = "GET /api/v1/vault/brokers HTTP/1.1\r\nHost: localhost\r\n\r\n";
        try (RawHttp http = RawHttp.plain(port)) {
            assertThat(http.send(request).answer().status()).isEqualTo(200);
            Thread.sleep(1_500);
            assertThat(http.send(request).answer().status()).as("the second request on the same connection")
                    .isEqualTo(200);
        }
    }
}
