package io.knag.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.knag.kernel.testing.TestDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The database goes away under a running host (its connections are cut and new ones refused, as when PostgreSQL
 * restarts or the network drops): requests answer 503 database-unavailable with Retry-After, never a 500, and
 * the host serves again by itself once the database is back.
 */
@HostTest
@ExtendWith(OutputCaptureExtension.class)
class DatabaseOutageTest {

    static Cuttable link;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws IOException {
        TestDatabase database = TestDatabase.create();
        link = new Cuttable(database.port());
        registry.add("knag.database.url", () -> database.r2dbcUrl().replace(":" + database.port() + "/", ":" + link.port() + "/"));
        registry.add("knag.database.username", () -> "postgres");
        registry.add("knag.database.password", () -> "");
    }

    @AfterAll
    static void close() throws IOException {
        link.close();
    }

    @Autowired
    WebTestClient http;

    @Test
    void aDatabaseThatIsGoneIs503WithRetryAfterAndTheHostRecoversWhenItIsBack(CapturedOutput output) throws Exception {
        Map<String, String> account = Map.of("email", "outage@example.com", "password", "a long passphrase",
                "displayName", "Outage");
        http.post().uri("/api/v1/auth/register").contentType(MediaType.APPLICATION_JSON).bodyValue(account)
                .exchange().expectStatus().isCreated();
        Map<String, String> login = Map.of("email", "outage@example.com", "password", "a long passphrase");

        link.cut();
        for (int i = 0; i < 3; i++) {
            http.post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON).bodyValue(login).exchange()
                    .expectStatus().isEqualTo(503)
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectHeader().valueEquals("Retry-After", "5")
                    .expectBody().jsonPath("$.type").isEqualTo("https://knag.io/problems/database-unavailable");
        }
        http.get().uri("/api/v1/vault/brokers").exchange().expectStatus().isOk(); // what needs no database still works
        assertThat(output.getAll()).doesNotContain("unexpected error").doesNotContain("internal-error");

        link.restore();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        int status;
        do {
            assertThat(System.nanoTime()).as("the host serves again within 30 s of the database's return")
                    .isLessThan(deadline);
            EntityExchangeResult<byte[]> answer = http.post().uri("/api/v1/auth/login")
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(login).exchange().expectBody().returnResult();
            status = answer.getStatus().value();
            assertThat(status).as("while the pool reconnects").isIn(200, 503);
            if (status != 200) {
                Thread.sleep(200);
            }
        } while (status != 200);
    }

    /** A TCP relay to PostgreSQL that can be cut (every open connection closed, new ones closed at once) and restored. */
    static final class Cuttable implements AutoCloseable {

        private final ServerSocket listener;
        private final int target;
        private final Set<Socket> open = ConcurrentHashMap.newKeySet();
        private volatile boolean cut;

        Cuttable(int target) throws IOException {
            this.target = target;
            this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread acceptor = new Thread(this::accept, "db-link");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return listener.getLocalPort();
        }

        void cut() {
            cut = true;
            open.forEach(Cuttable::closeQuietly);
            open.clear();
        }

        void restore() {
            cut = false;
        }

        private void accept() {
            while (!listener.isClosed()) {
                try {
                    Socket client = listener.accept();
                    if (cut) {
                        client.close();
                        continue;
                    }
                    Socket server = new Socket(InetAddress.getLoopbackAddress(), target);
                    open.add(client);
                    open.add(server);
                    pump(client, server);
                    pump(server, client);
                } catch (IOException closed) {
                    // the listener closed, or one connection failed: the next accept decides
                }
            }
        }

        private void pump(Socket from, Socket to) {
            Thread thread = new Thread(() -> {
                byte[] buffer = new byte[16 * 1024];
                try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                    for (int n; (n = in.read(buffer)) >= 0; ) {
                        out.write(buffer, 0, n);
                    }
                } catch (IOException gone) {
                    // either side closed
                } finally {
                    closeQuietly(from);
                    closeQuietly(to);
                }
            }, "db-link-pump");
            thread.setDaemon(true);
            thread.start();
        }

        private static void closeQuietly(Socket socket) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // already closed
            }
        }

        @Override
        public void close() throws IOException {
            cut();
            listener.close();
        }
    }
}
