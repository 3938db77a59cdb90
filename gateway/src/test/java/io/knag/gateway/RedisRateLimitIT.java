package io.knag.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.File;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two gateway replicas counting in one real redis-server (started here on a free loopback port) share one
 * limit: a client that alternates between them gets the limit once, not twice.
 */
class RedisRateLimitIT {

    static Process redis;
    static HttpServer upstream;
    static final AtomicInteger served = new AtomicInteger();
    static final List<ConfigurableApplicationContext> gateways = new ArrayList<>();
    static final List<Integer> ports = new ArrayList<>();
    static HttpClient client;

    @BeforeAll
    static void start() throws Exception {
        File binary = new File("/usr/bin/redis-server");
        assertThat(binary).as("redis-server is installed (./knag test installs it)").exists();
        Path data = Files.createTempDirectory("knag-redis-it");
        int redisPort = TestSupport.freePort();
        redis = new ProcessBuilder(binary.getPath(), "--port", Integer.toString(redisPort), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--dir", data.toString()).redirectErrorStream(true)
                .redirectOutput(data.resolve("redis.log").toFile()).start();
        awaitPort(redisPort);
        upstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        upstream.createContext("/", exchange -> {
            served.incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        upstream.start();
        Path keystore = data.resolve("tls.p12");
        SelfSignedCertificate.ensure(keystore, "it-password".toCharArray());
        for (int i = 0; i < 2; i++) {
            int port = TestSupport.freePort();
            ports.add(port);
            gateways.add(new SpringApplicationBuilder(KnagGateway.class).run(
                    "--server.port=" + port,
                    "--spring.ssl.bundle.jks.knag.keystore.location=file:" + keystore,
                    "--spring.ssl.bundle.jks.knag.keystore.password=it-password",
                    "--server.ssl.bundle=knag",
                    "--knag.gateway.upstream=http://127.0.0.1:" + upstream.getAddress().getPort(),
                    "--knag.gateway.http-port=0",
                    "--knag.gateway.per-ip=10",
                    "--knag.gateway.rate-limit-store=redis",
                    "--spring.data.redis.port=" + redisPort));
        }
        client = HttpClient.newBuilder().sslContext(TestSupport.trusting(keystore, "it-password".toCharArray())).build();
    }

    @AfterAll
    static void stop() throws Exception {
        gateways.forEach(ConfigurableApplicationContext::close);
        if (upstream != null) {
            upstream.stop(0);
        }
        if (redis != null) {
            redis.destroy();
            redis.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void twoReplicasShareOneLimit() throws Exception {
        int allowed = 0;
        int refused = 0;
        for (int i = 0; i < 20; i++) {
            int port = ports.get(i % 2);
            HttpResponse<String> answer = client.send(HttpRequest.newBuilder(
                            URI.create("https://localhost:" + port + "/api/v1/auth/login"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() == 429) {
                refused++;
                assertThat(answer.body()).contains("https://knag.io/problems/rate-limited");
                assertThat(answer.headers().firstValue("Retry-After")).isPresent();
            } else {
                allowed++;
                assertThat(answer.statusCode()).isEqualTo(204);
            }
        }
        assertThat(allowed).isEqualTo(10);
        assertThat(refused).isEqualTo(10);
        assertThat(served).hasValue(10);
    }

    private static void awaitPort(int port) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return;
            } catch (java.io.IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new AssertionError("redis-server did not start on port " + port);
    }

}
