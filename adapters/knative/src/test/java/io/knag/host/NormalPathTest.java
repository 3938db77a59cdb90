package io.knag.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.knag.kernel.testing.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The host, reachable on its own port, refuses a path that is not in normal form before any route, so an
 * encoded or doubled path cannot reach a function by another name (sent raw: URI-building clients would
 * normalise some of these away).
 */
@HostTest
class NormalPathTest {

    static TestDatabase database;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        database = HostDatabase.register(registry);
    }

    @LocalServerPort
    int port;

    private final HttpClient client = HttpClient.newHttpClient();

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/%61uth/register", "/%61pi/v1/auth/register", "/api/v1//auth/register",
            "/api/v1/auth;x=1/register", "/api/v1/auth/%2e%2e/auth/register", "/api/v1/auth/./register",
            "/api/v1%2Fauth/register", "/api/v1/auth/register%00"})
    void aPathNotInNormalFormIsRefusedAndReachesNoFunction(String path) throws Exception {
        String email = "normal-" + Math.abs(path.hashCode()) + "@example.com";
        HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + email
                        + "\",\"password\":\"correct horse battery\",\"displayName\":\"N\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).as(path).isEqualTo(400);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(answer.body()).contains("path-not-normal");
        assertThat(database.query("SELECT 1 FROM identity.accounts WHERE email = '" + email + "'")).isEmpty();
    }
}
