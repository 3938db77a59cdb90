package io.knag.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Content-Type and Accept headers that do not parse are a 415 or 406 problem before any route or codec reads
 * them, never a 500 with a stack trace (sent raw over HTTP: Spring's own client would refuse to send them).
 */
@HostTest
@ExtendWith(OutputCaptureExtension.class)
class MalformedMediaTypeTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        HostDatabase.register(registry);
    }

    @LocalServerPort
    int port;

    private final HttpClient client = HttpClient.newHttpClient();

    @ParameterizedTest
    @ValueSource(strings = {"application/json, text/plain", "application/json;charset=bogus", "a/b/c", "textplain",
            "application/json;charset="})
    void aContentTypeThatDoesNotParseIs415(String contentType, CapturedOutput output) throws Exception {
        HttpResponse<String> answer = send(request("/api/v1/auth/login").header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"a@example.com\",\"password\":\"x\"}")));

        assertThat(answer.statusCode()).isEqualTo(415);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(answer.body()).contains("unsupported-media-type").doesNotContain(contentType);
        assertThat(output.getAll()).doesNotContain("unexpected error").doesNotContain("\tat ");
    }

    @Test
    void twoContentTypesAre415() throws Exception {
        HttpResponse<String> answer = send(request("/api/v1/auth/login").header("Content-Type", "application/json")
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("{}")));

        assertThat(answer.statusCode()).isEqualTo(415);
        assertThat(answer.body()).contains("unsupported-media-type");
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain;q=abc", "text/plain;q=2", "a/b/c", "text/plain, ,;"})
    void anAcceptThatDoesNotParseIs406(String accept, CapturedOutput output) throws Exception {
        HttpResponse<String> answer = send(request("/api/v1/bots/01J0000000000000000000000/logs")
                .header("Accept", accept).GET());

        assertThat(answer.statusCode()).isEqualTo(406);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(answer.body()).contains("not-acceptable");
        assertThat(output.getAll()).doesNotContain("unexpected error").doesNotContain("\tat ");
    }

    @Test
    void wellFormedHeadersStillReachTheRoute() throws Exception {
        HttpResponse<String> answer = send(request("/api/v1/auth/login")
                .header("Content-Type", "application/json; charset=utf-8").header("Accept", "application/json;q=0.9, */*")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"nobody@example.com\",\"password\":\"x\"}")));

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.body()).contains("invalid-credentials");
    }

    @ParameterizedTest(name = "GET {0} Accept: {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
        "/api/v1/vault/brokers|application/xml|406",
        "/api/v1/vault/brokers|text/html|406",
        "/api/v1/vault/brokers|application/problem+json|406",
        "/api/v1/vault/brokers|application/json;q=0, */*|406",
        "/api/v1/vault/brokers|application/xml, application/json;q=0.1|200",
        "/api/v1/vault/brokers|application/*|200",
        "/api/v1/vault/brokers|*/*|200",
        "/.well-known/jwks.json|application/xml|406",
        "/.well-known/jwks.json|application/json|200",
        "/api/v1/openapi.yaml|application/json|406",
        "/api/v1/openapi.yaml|application/yaml|200",
        "/api/v1/bots/01900000-0000-7000-8000-000000000000/logs|text/html|406",
        "/api/v1/bots/01900000-0000-7000-8000-000000000000/logs|text/plain|401",
        "/api/v1/bots/01900000-0000-7000-8000-000000000000|text/plain|406",
        "/api/v1/users/me|application/xml|406"})
    void anAcceptThatExcludesWhatTheEndpointAnswersWithIs406(String path, String accept, int status) throws Exception {
        HttpResponse<String> answer = send(request(path).header("Accept", accept).GET());

        assertThat(answer.statusCode()).isEqualTo(status);
        if (status == 406) {
            assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(answer.body()).contains("not-acceptable");
        }
    }

    @Test
    void aRefusedAcceptChangesNothing() throws Exception {
        String body = "{\"email\":\"accept-xml@example.com\",\"password\":\"a long passphrase\",\"displayName\":\"X\"}";
        HttpResponse<String> refused = send(request("/api/v1/auth/register").header("Content-Type", "application/json")
                .header("Accept", "application/xml").POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(refused.statusCode()).isEqualTo(406);

        HttpResponse<String> registered = send(request("/api/v1/auth/register").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(registered.statusCode()).as("the refused request made no account").isEqualTo(201);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
