package io.knag.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.knag.kernel.KnagException;
import io.knag.kernel.ProblemType;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

class ProblemHandlerTest {

    final ProblemHandler handler = new ProblemHandler(new ObjectMapper());

    @Test
    void unexpectedErrorsAnswer500WithoutTheirMessageOrStack() {
        var exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/v1/users/me"));
        handler.handle(exchange, new IllegalStateException("db password=hunter2 at jdbc:postgresql://secret")).block();
        String body = exchange.getResponse().getBodyAsString().block();
        assertThat(exchange.getResponse().getStatusCode().value()).isEqualTo(500);
        assertThat(body).contains("https://knag.io/problems/internal-error").contains("error id")
                .doesNotContain("hunter2").doesNotContain("postgresql").doesNotContain("IllegalStateException")
                .doesNotContain("at io.knag");
    }

    @Test
    void aConnectionResetOnTheServerSideIsStillA500Problem() {
        // The words a hung-up caller's error carries, here from a database or upstream connection of the server's.
        var exchange = MockServerWebExchange.from(MockServerHttpRequest.post("/api/v1/auth/login"));
        handler.handle(exchange, new IllegalStateException("query failed",
                new java.io.IOException("recvAddress(..) failed: Connection reset by peer"))).block();
        assertThat(exchange.getResponse().getStatusCode().value()).isEqualTo(500);
        assertThat(exchange.getResponse().getBodyAsString().block()).contains("https://knag.io/problems/internal-error");
    }

    @Test
    void busyAnswersCarryRetryAfter() {
        var exchange = MockServerWebExchange.from(MockServerHttpRequest.post("/api/v1/auth/login"));
        handler.handle(exchange, new KnagException(ProblemType.SERVICE_BUSY, "busy", List.of(), Duration.ofSeconds(2)))
                .block();
        assertThat(exchange.getResponse().getStatusCode().value()).isEqualTo(503);
        assertThat(exchange.getResponse().getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("2");
    }
}
