package io.knag.azure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the httpApi function answers the Functions host, for requests in the recorded HttpTrigger shape. */
class HttpApiTest {

    final AzureTransport azure = new AzureTransport(FunctionsHost.get());

    @Test
    void malformedJsonIsA400ProblemJsonThatDoesNotEchoTheBody() {
        var answer = azure.invoke("POST", "/api/v1/auth/register", null, "{\"email\":\"MARKER-BODY");

        assertThat(answer.getStatusCode()).isEqualTo(400);
        assertThat(answer.getHeader("Content-Type")).startsWith("application/problem+json");
        var problem = AzureTransport.parse(answer.text());
        assertThat(problem.get("type").asText()).isEqualTo("https://knag.io/problems/malformed-request");
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(answer.text()).doesNotContain("MARKER-BODY");
        assertThat(answer.headers()).doesNotContainKeys("Content-Length", "Transfer-Encoding");
    }

    @Test
    void pathsOutsideApiAreServedTooBecauseTheRoutePrefixIsEmpty() {
        var keys = azure.invoke("GET", "/.well-known/jwks.json", null, null);

        assertThat(keys.getStatusCode()).isEqualTo(200);
        assertThat(AzureTransport.parse(keys.text()).get("keys").isArray()).isTrue();
    }

    @Test
    void theQueryStringReachesTheRoutes() {
        String email = "query-" + java.util.UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        azure.call("POST", "/api/v1/auth/register", null,
                "{\"email\":\"" + email + "\",\"password\":\"a long query passphrase\",\"displayName\":\"Q\"}");
        String token = azure.call("POST", "/api/v1/auth/login", null,
                "{\"email\":\"" + email + "\",\"password\":\"a long query passphrase\"}").json().get("accessToken").asText();

        var outOfRange = azure.invoke("GET", "/api/v1/bots/" + java.util.UUID.randomUUID() + "/logs?tail=5000", token, null);

        assertThat(outOfRange.getStatusCode()).isEqualTo(400);
        assertThat(AzureTransport.parse(outOfRange.text()).get("type").asText())
                .isEqualTo("https://knag.io/problems/tail-out-of-range");
    }
}
