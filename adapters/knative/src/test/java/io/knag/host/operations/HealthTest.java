package io.knag.host.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.knag.kernel.persistence.Databases;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.boot.availability.ApplicationAvailabilityBean;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.availability.ReadinessState;

/** The overall health when the database cannot be reached or does not answer (no server needed for that). */
class HealthTest {

    private final ApplicationAvailabilityBean availability = new ApplicationAvailabilityBean();

    HealthTest() {
        availability.onApplicationEvent(new AvailabilityChangeEvent<>(this, LivenessState.CORRECT));
        availability.onApplicationEvent(new AvailabilityChangeEvent<>(this, ReadinessState.ACCEPTING_TRAFFIC));
    }

    @Test
    void downWhenNothingListensWhereTheDatabaseShouldBe() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Health health = new Health(availability,
                () -> Databases.connect("r2dbc:postgresql://127.0.0.1:" + port + "/knag", "knag", "secret"));

        assertThat(health.overall().block(Duration.ofSeconds(10))).isEqualTo(Health.Status.DOWN);
        assertThat(health.liveness()).isEqualTo(Health.Status.UP);
        assertThat(health.readiness()).isEqualTo(Health.Status.UP);
    }

    @Test
    void downWhenTheDatabaseAcceptsButNeverAnswers() throws Exception {
        List<Socket> accepted = new CopyOnWriteArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try {
                    accepted.add(silent.accept());
                } catch (java.io.IOException closed) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            Health health = new Health(availability, () -> Databases.connect(
                    "r2dbc:postgresql://127.0.0.1:" + silent.getLocalPort() + "/knag", "knag", "secret"));

            long started = System.nanoTime();
            assertThat(health.overall().block(Duration.ofSeconds(10))).isEqualTo(Health.Status.DOWN);
            assertThat(Duration.ofNanos(System.nanoTime() - started))
                    .isGreaterThanOrEqualTo(Health.DATABASE_TIMEOUT.minusMillis(100));
            acceptor.join(1000);
            assertThat(accepted).hasSize(1);
        } finally {
            for (Socket socket : accepted) {
                socket.close();
            }
        }
    }

    @Test
    void upWithoutADatabaseOnlyFromTheAvailabilityStates() {
        Health health = new Health(availability, () -> null);
        assertThat(health.overall().block(Duration.ofSeconds(1))).isEqualTo(Health.Status.UP);

        availability.onApplicationEvent(new AvailabilityChangeEvent<>(this, ReadinessState.REFUSING_TRAFFIC));
        assertThat(health.overall().block(Duration.ofSeconds(1))).isEqualTo(Health.Status.OUT_OF_SERVICE);
        availability.onApplicationEvent(new AvailabilityChangeEvent<>(this, LivenessState.BROKEN));
        assertThat(health.overall().block(Duration.ofSeconds(1))).isEqualTo(Health.Status.DOWN);
    }
}
