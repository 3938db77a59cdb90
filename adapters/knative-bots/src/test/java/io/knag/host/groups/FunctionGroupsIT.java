package io.knag.host.groups;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.knag.kernel.testing.TestDatabase;
import java.io.File;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two function-group artifacts deployed apart, as on a cluster: {@code knag-host-accounts.jar} (identity
 * and vault) and {@code knag-host-bots.jar} (bots and the bot manager on Kubernetes) on one PostgreSQL, the
 * bots group provisioning onto a Kubernetes API server (fabric8's mock, CRUD mode). The accounts group never
 * loads a Kubernetes or bots class; each group serves only its own routes.
 */
class FunctionGroupsIT {

    static final String PASSWORD = "a long passphrase";
    static final String MARKER = "SK-GROUPS-MARKER";

    @TempDir
    Path work;

    final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    final ObjectMapper json = new ObjectMapper();
    final List<Process> processes = new java.util.ArrayList<>();
    KubernetesMockServer kubernetes;

    @AfterEach
    void stopAll() throws Exception {
        for (Process process : processes) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        if (kubernetes != null) {
            kubernetes.destroy();
        }
    }

    @Test
    void accountsAndBotsRunApartOnOneDatabaseAndTheBotsGroupProvisionsOnKubernetes() throws Exception {
        TestDatabase database = TestDatabase.create();
        kubernetes = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
                new KubernetesCrudDispatcher(), false);
        kubernetes.init(InetAddress.getLoopbackAddress(), 0);
        KubernetesClient cluster = kubernetes.createClient();

        int accountsPort = freePort();
        int botsPort = freePort();
        Path classLog = work.resolve("accounts-classes.log");
        // The accounts group as the Dockerfile's fast start runs it, from the bean definitions its build fixed ahead of
        // time (Spring AOT); the bots group as usual.
        start("knag-host-accounts.jar", accountsPort, database, Map.of(), List.of("-Dspring.aot.enabled=true",
                "-Xlog:class+load=info:file=" + classLog));
        awaitReady(accountsPort, "accounts");
        start("knag-host-bots.jar", botsPort, database, Map.of("KNAG_BOTS_RUNTIME", "kubernetes",
                "KNAG_HTTP_IDENTITY", "false", "KNAG_HTTP_VAULT", "false",
                "KUBERNETES_MASTER", "http://127.0.0.1:" + kubernetes.getPort(), "KUBERNETES_AUTH_TRYKUBECONFIG", "false",
                "KUBERNETES_AUTH_TRYSERVICEACCOUNT", "false", "KUBERNETES_NAMESPACE", "knag-bots",
                // The mock server speaks plain HTTP/1.1 and does not answer an h2c upgrade.
                "HTTP2_DISABLE", "true"), List.of());
        awaitReady(botsPort, "bots");

        assertThat(call(accountsPort, "POST", "/api/v1/auth/register", null, "{\"email\":\"g@example.org\",\"password\":\""
                + PASSWORD + "\",\"displayName\":\"G\"}").statusCode()).isEqualTo(201);
        String token = body(call(accountsPort, "POST", "/api/v1/auth/login", null,
                "{\"email\":\"g@example.org\",\"password\":\"" + PASSWORD + "\"}")).get("accessToken").asText();
        String credential = body(call(accountsPort, "POST", "/api/v1/vault/credentials", token,
                "{\"broker\":\"alpaca\",\"label\":\"main\",\"secrets\":{\"keyId\":\"AK\",\"secretKey\":\"" + MARKER + "\"}}"))
                .get("id").asText();

        // Each group serves its own routes only.
        assertThat(call(accountsPort, "GET", "/api/v1/bots", token, null).statusCode()).isEqualTo(404);
        assertThat(call(botsPort, "GET", "/api/v1/vault/credentials", token, null).statusCode()).isEqualTo(404);
        assertThat(call(botsPort, "POST", "/api/v1/auth/login", null, "{}").statusCode()).isEqualTo(404);

        String bot = body(call(botsPort, "POST", "/api/v1/bots", token, "{\"name\":\"k\",\"image\":\"knag/heartbeat-bot:1\","
                + "\"credentialId\":\"" + credential + "\",\"resources\":{\"cpu\":\"200m\",\"memory\":\"64Mi\"}}")).get("id").asText();
        assertThat(call(botsPort, "POST", "/api/v1/bots/" + bot + "/start", token, "{\"password\":\"" + PASSWORD + "\"}")
                .statusCode()).isEqualTo(202);
        String name = "knag-bot-" + bot;
        await("the bot's Deployment", () -> cluster.apps().deployments().inNamespace("knag-bots").withName(name).get() != null);
        Deployment deployment = cluster.apps().deployments().inNamespace("knag-bots").withName(name).get();
        assertThat(deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getImage()).isEqualTo("knag/heartbeat-bot:1");
        Secret secret = cluster.secrets().inNamespace("knag-bots").withName(name).get();
        assertThat(new String(Base64.getDecoder().decode(secret.getData().values().iterator().next()), StandardCharsets.UTF_8))
                .contains(MARKER);
        assertThat(body(call(botsPort, "GET", "/api/v1/bots/" + bot, token, null)).get("state").asText()).isEqualTo("STARTING");

        assertThat(call(botsPort, "POST", "/api/v1/bots/" + bot + "/stop", token, null).statusCode()).isEqualTo(202);
        await("the bot's Secret to go", () -> cluster.secrets().inNamespace("knag-bots").withName(name).get() == null);
        await("STOPPED", () -> "STOPPED".equals(body(call(botsPort, "GET", "/api/v1/bots/" + bot, token, null))
                .get("state").asText()));

        assertThat(Files.readString(work.resolve("knag-host-accounts.jar.log"))).contains("Starting AOT-processed KnagHost");
        assertThat(Files.readString(work.resolve("knag-host-bots.jar.log"))).as("every class the bots group needs is in its jar")
                .doesNotContain("NoClassDefFoundError").doesNotContain("ClassNotFoundException");
        String loaded = Files.readString(classLog);
        assertThat(loaded).contains("io.knag.identity.").contains("io.knag.vault.")
                .doesNotContain("io.fabric8.").doesNotContain("io.knag.bots.").doesNotContain("io.knag.runtime.")
                .doesNotContain("io.zonky.");
    }

    private void start(String jarName, int port, TestDatabase database, Map<String, String> env, List<String> jvm)
            throws Exception {
        // This module's jar, or the accounts module's (built before this one in the reactor).
        File jar = new File("target/" + jarName).exists() ? new File("target/" + jarName)
                : new File("../knative-accounts/target/" + jarName);
        assertThat(jar).as(jarName).exists();
        List<String> command = new java.util.ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java")));
        command.addAll(jvm);
        command.addAll(List.of("-jar", jar.getAbsolutePath()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(work.resolve(jarName + ".log").toFile()));
        Map<String, String> environment = builder.environment();
        environment.put("PORT", Integer.toString(port));
        environment.put("KNAG_DATABASE_URL", database.r2dbcUrl());
        environment.put("KNAG_DATABASE_USERNAME", "postgres");
        environment.put("KNAG_DATABASE_PASSWORD", "");
        environment.put("KNAG_IDENTITY_KEY_ENCRYPTION_KEY", Base64.getEncoder().encodeToString(new byte[32]));
        environment.put("KNAG_IDENTITY_ARGON2_MEMORY_KIB", "1024");
        environment.put("KNAG_DATA_DIR", work.resolve("data-" + port).toString());
        environment.putAll(env);
        processes.add(builder.start());
    }

    private void awaitReady(int port, String which) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline && processes.get(processes.size() - 1).isAlive()) {
            try {
                if (client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
                        .build(), HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new AssertionError(which + " not ready: " + logs());
    }

    private String logs() throws Exception {
        StringBuilder all = new StringBuilder();
        try (var files = Files.list(work)) {
            for (Path log : files.filter(p -> p.toString().endsWith(".jar.log")).toList()) {
                all.append("\n--- ").append(log.getFileName()).append('\n').append(Files.readString(log));
            }
        }
        return all.toString();
    }

    private HttpResponse<String> call(int port, String method, String path, String token, String body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Content-Type", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode body(HttpResponse<String> response) {
        try {
            return json.readTree(response.body());
        } catch (Exception e) {
            throw new IllegalStateException(response.statusCode() + " " + response.body(), e);
        }
    }

    private void await(String what, java.util.function.BooleanSupplier condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 30 s: " + what + logs());
            }
            Thread.sleep(100);
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
