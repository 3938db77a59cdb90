package io.knag.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.knag.kernel.testing.TestDatabase;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;

/** Every kind of bad input gets a 4xx problem+json with a stable type, and the database does not change. */
@HostTest
class IdentityBadInputTest {

    static TestDatabase database;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        database = HostDatabase.register(registry);
    }

    @Autowired
    WebTestClient http;

    @BeforeEach
    void anAccountExists() {
        if (database.query("SELECT 1 FROM identity.accounts WHERE email = 'taken@example.com'").isEmpty()) {
            http.post().uri("/api/v1/auth/register").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("email", "taken@example.com", "password", "correct horse battery",
                            "displayName", "Taken"))
                    .exchange().expectStatus().isCreated();
        }
    }

    static Stream<Arguments> badBodies() {
        String register = "/api/v1/auth/register";
        String login = "/api/v1/auth/login";
        return Stream.of(
                Arguments.of(register, "{\"email\": \"a@example.com\", ", 400, "malformed-request"),
                Arguments.of(register, "", 400, "malformed-request"),
                Arguments.of(register, "null", 400, "malformed-request"),
                Arguments.of(register, "[]", 400, "malformed-request"),
                Arguments.of(register, "{}", 400, "validation-failed"),
                Arguments.of(register, "{\"email\":\"a@example.com\",\"password\":\"correct horse battery\"}", 400,
                        "validation-failed"),
                Arguments.of(register, "{\"email\":12345,\"password\":\"correct horse battery\",\"displayName\":\"A\"}",
                        400, "malformed-request"),
                Arguments.of(register, "{\"email\":\"a@example.com\",\"password\":true,\"displayName\":\"A\"}",
                        400, "malformed-request"),
                Arguments.of(register, "{\"email\":[\"a@example.com\"],\"password\":\"correct horse\",\"displayName\":\"A\"}",
                        400, "malformed-request"),
                Arguments.of(register, "{\"email\":\"a@example.com\",\"password\":\"correct horse battery\","
                        + "\"displayName\":\"A\",\"admin\":true}", 400, "malformed-request"),
                Arguments.of(register, "{\"email\":\"a@example.com\",\"email\":\"b@example.com\","
                        + "\"password\":\"correct horse battery\",\"displayName\":\"A\"}", 400, "malformed-request"),
                Arguments.of(register, "{\"email\":\"a@example.com\",\"password\":\"correct horse battery\","
                        + "\"displayName\":\"A\"} trailing", 400, "malformed-request"),
                Arguments.of(register, "{\"email\":\"not an email\",\"password\":\"correct horse battery\","
                        + "\"displayName\":\"A\"}", 400, "validation-failed"),
                Arguments.of(register, "{\"email\":\"a@example.com\",\"password\":\"short\",\"displayName\":\"A\"}",
                        400, "weak-password"),
                Arguments.of(register, "{\"email\":\"a@example.com\",\"password\":\"password1\",\"displayName\":\"A\"}",
                        400, "weak-password"),
                Arguments.of(register, "{\"email\":\"a@example.com\",\"password\":\"" + "p".repeat(60_000)
                        + "\",\"displayName\":\"A\"}", 400, "weak-password"),
                Arguments.of(register, "{\"email\":\"TAKEN@example.com\",\"password\":\"another good pass\","
                        + "\"displayName\":\"A\"}", 409, "email-taken"),
                Arguments.of(login, "{\"email\":\"taken@example.com\",\"password\":\"" + "p".repeat(60_000) + "\"}",
                        400, "validation-failed"),
                Arguments.of(login, "{\"email\":\"taken@example.com\",\"password\":\"wrong password\"}", 401,
                        "invalid-credentials"),
                Arguments.of(login, "{\"email\":\"nobody@example.com\",\"password\":\"correct horse battery\"}", 401,
                        "invalid-credentials"),
                Arguments.of("/api/v1/auth/refresh", "{\"refreshToken\":\"forged\"}", 401, "invalid-refresh-token"),
                Arguments.of("/api/v1/auth/refresh", "{\"refreshToken\":\"" + "x".repeat(300) + "\"}", 400,
                        "validation-failed"),
                Arguments.of("/api/v1/auth/logout", "{}", 400, "validation-failed"),
                Arguments.of("/api/v1/auth/recover", "{\"email\":\"taken@example.com\",\"recoveryCode\":\"AAAAA-AAAAA\","
                        + "\"newPassword\":\"a brand new pass\"}", 401, "invalid-recovery-code"),
                // Unpaired surrogates are not text: they would all be stored and hashed as '?'.
                Arguments.of(register, "{\"email\":\"a@example.com\",\"password\":\"correct horse \\ud800\","
                        + "\"displayName\":\"A\"}", 400, "validation-failed"),
                Arguments.of(register, "{\"email\":\"a@example.com\",\"password\":\"correct horse \\udfff\","
                        + "\"displayName\":\"A\"}", 400, "validation-failed"),
                Arguments.of(register, "{\"email\":\"a@example.com\",\"password\":\"correct horse battery\","
                        + "\"displayName\":\"A\\ud83d\"}", 400, "validation-failed"),
                Arguments.of(login, "{\"email\":\"taken@example.com\",\"password\":\"correct horse battery\\ud800\"}",
                        400, "validation-failed"),
                Arguments.of("/api/v1/auth/recover", "{\"email\":\"taken@example.com\",\"recoveryCode\":\"AAAAA-AAAAA\","
                        + "\"newPassword\":\"a brand new pass\\ud800\"}", 400, "validation-failed"),
                // A password a keyboard cannot type, or of nothing but spaces.
                Arguments.of(register, "{\"email\":\"a@example.com\",\"password\":\"            \",\"displayName\":\"A\"}",
                        400, "weak-password"),
                Arguments.of(register, "{\"email\":\"a@example.com\",\"password\":\"" + "\\u0000".repeat(12)
                        + "\",\"displayName\":\"A\"}", 400, "weak-password"),
                Arguments.of(register, "{\"email\":\"a@example.com\",\"password\":\"correct\\u001bhorse\","
                        + "\"displayName\":\"A\"}", 400, "weak-password"),
                // A display name that reorders what others see.
                Arguments.of(register, "{\"email\":\"a@example.com\",\"password\":\"correct horse battery\","
                        + "\"displayName\":\"Ada\\u202eexe.doc\"}", 400, "validation-failed"),
                Arguments.of(register, "{\"email\":\"a@example.com\",\"password\":\"correct horse battery\","
                        + "\"displayName\":\"\\u2067Ada\"}", 400, "validation-failed"));
    }

    @ParameterizedTest(name = "{0} {1} -> {2} {3}")
    @MethodSource("badBodies")
    void badBodiesGetAProblemAndChangeNothing(String path, String body, int status, String type) {
        String before = database.dump("identity");
        http.post().uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isEqualTo(status)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://knag.io/problems/" + type)
                .jsonPath("$.status").isEqualTo(status)
                .jsonPath("$.title").isNotEmpty()
                .jsonPath("$.trace").doesNotExist()
                .jsonPath("$.exception").doesNotExist();
        assertThat(database.dump("identity")).isEqualTo(before);
    }

    @Test
    void validationProblemsNameEachFieldButNeverEchoTheirValues() {
        http.post().uri("/api/v1/auth/register").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"email\":\"bad email\",\"password\":\"secret-marker-pass\",\"displayName\":\"\"}")
                .exchange().expectStatus().isBadRequest()
                .expectBody(String.class).value(body -> assertThat(body)
                        .contains("\"field\":\"email\"").contains("\"field\":\"displayName\"")
                        .doesNotContain("secret-marker-pass").doesNotContain("bad email"));
    }

    @Test
    void aDeclaredOversizedBodyIsRefusedBeforeItIsRead() {
        http.post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"email\":\"a@example.com\",\"password\":\"" + "p".repeat(2_000_000) + "\"}")
                .exchange().expectStatus().isEqualTo(413)
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectBody().jsonPath("$.type").isEqualTo("https://knag.io/problems/payload-too-large");
    }

    @Test
    void aChunkedOversizedBodyIsCutByTheCodecLimit() {
        var chunk = new org.springframework.core.io.buffer.DefaultDataBufferFactory()
                .wrap(("{\"email\":\"a@example.com\",\"password\":\"" + "p".repeat(100_000) + "\"}").getBytes());
        http.post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
                .body(Flux.just(chunk), org.springframework.core.io.buffer.DataBuffer.class)
                .exchange().expectStatus().isEqualTo(413)
                .expectBody().jsonPath("$.type").isEqualTo("https://knag.io/problems/payload-too-large");
    }

    @Test
    void unknownContentTypesAreRefused() {
        http.post().uri("/api/v1/auth/login").contentType(MediaType.TEXT_PLAIN).bodyValue("email=a&password=b")
                .exchange().expectStatus().isEqualTo(415)
                .expectBody().jsonPath("$.type").isEqualTo("https://knag.io/problems/unsupported-media-type");
        http.post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("email=a&password=b")
                .exchange().expectStatus().isEqualTo(415);
        http.post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_XML).bodyValue("<login/>")
                .exchange().expectStatus().isEqualTo(415);
    }

    @Test
    void unknownRoutesAndWrongMethodsGetAProblem() {
        http.get().uri("/api/v1/nothing-here").exchange().expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://knag.io/problems/not-found");
        http.get().uri("/api/v1/auth/login").exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.type").isEqualTo("https://knag.io/problems/not-found");
        // Traversal is not even routed: a path not in normal form is refused (see NormalPathTest).
        http.get().uri("/api/v1/../../etc/passwd").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("https://knag.io/problems/path-not-normal");
        http.get().uri("/api/v1/%2e%2e/%2e%2e/etc/passwd").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("https://knag.io/problems/path-not-normal");
    }
}
