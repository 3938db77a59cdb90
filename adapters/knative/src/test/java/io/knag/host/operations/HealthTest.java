package io.knag.host.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.knag.kernel.persistence.Databases;
import io.knag.kernel.testing.TestDatabase;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.Connection;
import java.io.IOException;
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
import reactor.core.publisher.Mono;

/** The overall health against databases that are down, silent, busy or fine. */
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
    void downAfterTheTimeoutWhenTheDatabaseNeverAnswersAndCallersShareThatCheck() throws Exception {
        List<Socket> accepted = new CopyOnWriteArrayList<>();
        ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            try {
                while (true) {
                    accepted.add(silent.accept());
                }
            } catch (IOException closed) {
                // the test is over
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
        try (silent) {
            Health health = new Health(availability, () -> Databases.connect(
                    "r2dbc:postgresql://127.0.0.1:" + silent.getLocalPort() + "/knag", "knag", "secret"));

            long started = System.nanoTime();
            assertThat(health.overall().block(Duration.ofSeconds(10))).isEqualTo(Health.Status.DOWN);
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertThat(took).isGreaterThanOrEqualTo(Health.DATABASE_TIMEOUT.minusMillis(100))
                    .isLessThan(Health.DATABASE_TIMEOUT.plusSeconds(2));

            started = System.nanoTime();
            assertThat(health.overall().block(Duration.ofSeconds(1))).isEqualTo(Health.Status.DOWN);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(500));
            assertThat(accepted).hasSize(1);
        } finally {
            for (Socket socket : accepted) {
                socket.close();
            }
        }
    }

    @Test
    void upWithAnAnsweringDatabaseAndWithoutWaitingForABusyPool() {
        TestDatabase database = TestDatabase.create();
        ConnectionPool pool = Databases.open(Databases.connect(database.r2dbcUrl(), "postgres", ""), null, null, null,
                false, List.of(), 1);
        try {
            assertThat(new Health(availability, () -> pool).overall().block(Duration.ofSeconds(5)))
                    .isEqualTo(Health.Status.UP);

            Connection taken = pool.create().block(Duration.ofSeconds(5));
            try {
                // The only connection is in use: asking for another would wait past the timeout and say DOWN.
                long started = System.nanoTime();
                assertThat(new Health(availability, () -> pool).overall().block(Duration.ofSeconds(5)))
                        .isEqualTo(Health.Status.UP);
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Health.DATABASE_TIMEOUT);
            } finally {
                Mono.from(taken.close()).block(Duration.ofSeconds(5));
            }
        } finally {
            pool.dispose();
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
