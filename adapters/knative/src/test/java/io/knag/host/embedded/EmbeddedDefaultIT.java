package io.knag.host.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded default as a user runs it: the packaged host jar as its own process, with its embedded
 * PostgreSQL and its local bot runtime. It answers, runs the demonstration bot, keeps its data across a
 * restart, and SIGTERM stops it, its bots (recorded as stopped) and its PostgreSQL.
 */
class EmbeddedDefaultIT {

    @TempDir
    Path data;

    final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    @Test
    void startsAnswersKeepsDataAndStopsCleanlyOnSigterm() throws Exception {
        int port = freePort();
        String key = Base64.getEncoder().encodeToString(new byte[32]);
        Process first = start(port, key);
        try {
            awaitReady(first, port);
            HttpResponse<String> registered = post(port, "/api/v1/auth/register",
                    "{\"email\":\"eve@example.org\",\"password\":\"a long passphrase\",\"displayName\":\"Eve\"}");
            assertThat(registered.statusCode()).isEqualTo(201);
            bot = launchHeartbeatBot(port);
            pid = Long.parseLong(Files.readString(data.resolve("bots").resolve(bot).resolve("pid")).strip());
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isTrue();
        } finally {
            stop(first);
        }
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).as("the bot stopped with the platform")
                .isFalse();
        assertThat(data.resolve("bots").resolve(bot).resolve("credentials.json")).doesNotExist();
        assertThat(first.exitValue()).as("exit status after SIGTERM").isIn(0, 143);
        assertThat(data.resolve("postgres/postmaster.pid")).as("PostgreSQL stopped with the host").doesNotExist();
        assertThat(Files.readString(data.resolve("postgres/pg_hba.conf"))).as("a password is required, not trust")
                .contains("scram-sha-256").doesNotContain(" trust");

        Process second = start(port, key);
        try {
            awaitReady(second, port);
            HttpResponse<String> login = post(port, "/api/v1/auth/login",
                    "{\"email\":\"eve@example.org\",\"password\":\"a long passphrase\"}");
            assertThat(login.statusCode()).as("the account survived the restart").isEqualTo(200);
            String token = json.readTree(login.body()).get("accessToken").asText();
            var view = json.readTree(send(port, "GET", "/api/v1/bots/" + bot, token, null).body());
            assertThat(view.get("state").asText()).isEqualTo("STOPPED");
            var history = json.readTree(send(port, "GET", "/api/v1/bots/" + bot + "/events", token, null).body());
            assertThat(history.get(history.size() - 1).get("detail").asText()).isEqualTo("the platform stopped");
        } finally {
            stop(second);
        }
    }

    String bot;
    long pid;
    final com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();

    /** Logs in, adds a credential, and starts the demonstration bot; answers its id once it runs. */
    private String launchHeartbeatBot(int port) throws Exception {
        String token = json.readTree(post(port, "/api/v1/auth/login",
                "{\"email\":\"eve@example.org\",\"password\":\"a long passphrase\"}").body()).get("accessToken").asText();
        String credential = json.readTree(send(port, "POST", "/api/v1/vault/credentials", token,
                "{\"broker\":\"alpaca\",\"label\":\"alpaca\",\"secrets\":{\"keyId\":\"PK\",\"secretKey\":\"SK\"}}").body()).get("id").asText();
        String id = json.readTree(send(port, "POST", "/api/v1/bots", token, "{\"name\":\"hb\",\"image\":"
                + "\"knag/heartbeat-bot\",\"credentialId\":\"" + credential + "\"}").body()).get("id").asText();
        assertThat(send(port, "POST", "/api/v1/bots/" + id + "/start", token,
                "{\"password\":\"a long passphrase\"}").statusCode()).isEqualTo(202);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!send(port, "GET", "/api/v1/bots/" + id + "/logs", token, null).body().contains("heartbeat bot=" + id)) {
            assertThat(System.nanoTime()).as("a heartbeat within 60 s").isLessThan(deadline);
            Thread.sleep(100);
        }
        return id;
    }

    private HttpResponse<String> send(int port, String method, String path, String token, String body) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private Process start(int port, String key) throws Exception {
        File jar = new File("target/knag-host.jar");
        assertThat(jar).as("packaged host jar").exists();
        ProcessBuilder builder = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                "-jar", jar.getAbsolutePath())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(data.resolve("host.log").toFile()));
        builder.environment().put("PORT", Integer.toString(port));
        builder.environment().put("KNAG_DATA_DIR", data.toString());
        builder.environment().put("KNAG_IDENTITY_KEY_ENCRYPTION_KEY", key);
        builder.environment().put("KNAG_IDENTITY_ARGON2_MEMORY_KIB", "1024");
        builder.environment().put("KNAG_DATABASE_EMBEDDED_PASSWORD", "it-test-password");
        builder.environment().remove("KNAG_DATABASE_URL");
        return builder.start();
    }

    private void awaitReady(Process process, int port) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new AssertionError("host not ready: " + Files.readString(data.resolve("host.log")));
    }

    private HttpResponse<String> post(int port, String path, String json) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void stop(Process process) throws Exception {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("the host did not stop within 60 s of SIGTERM");
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
