package io.knag.host.operations;

import io.r2dbc.pool.ConnectionPool;
import io.knag.kernel.persistence.Databases;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * The host's health as actuator reports it without details: liveness and readiness follow Spring Boot's
 * availability states (readiness turns {@code OUT_OF_SERVICE} while the host shuts down); the overall health
 * also asks the database to answer within two seconds. Callers share one database check every five seconds
 * (health is unauthenticated: its callers must not be able to take the pool's connections), and a pool whose
 * every connection is in use counts as a database that answers. Never says why (no details to a caller).
 */
final class Health {

    static final Duration DATABASE_TIMEOUT = Duration.ofSeconds(2);
    static final Duration DATABASE_CHECK_KEPT = Duration.ofSeconds(5);
    private static final Logger log = LoggerFactory.getLogger(Health.class);

    enum Status { UP, DOWN, OUT_OF_SERVICE }

    private final ApplicationAvailability availability;
    private final Supplier<ConnectionFactory> database;
    private final Mono<Status> databaseCheck;

    Health(ApplicationAvailability availability, Supplier<ConnectionFactory> database) {
        this.availability = availability;
        this.database = database;
        this.databaseCheck = Mono.defer(this::checkDatabase)
                .cache(status -> DATABASE_CHECK_KEPT, error -> Duration.ZERO, () -> Duration.ZERO);
    }

    Status liveness() {
        return availability.getLivenessState() == LivenessState.CORRECT ? Status.UP : Status.DOWN;
    }

    Status readiness() {
        return availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC ? Status.UP : Status.OUT_OF_SERVICE;
    }

    Mono<Status> overall() {
        if (liveness() != Status.UP) {
            return Mono.just(Status.DOWN);
        }
        if (readiness() != Status.UP) {
            return Mono.just(Status.OUT_OF_SERVICE);
        }
        return databaseCheck;
    }

    private Mono<Status> checkDatabase() {
        ConnectionFactory connections = database.get();
        if (connections == null) {
            return Mono.just(Status.UP);
        }
        if (connections instanceof ConnectionPool pool && pool.getMetrics()
                .filter(metrics -> metrics.acquiredSize() >= metrics.getMaxAllocatedSize()).isPresent()) {
            return Mono.just(Status.UP);
        }
        return Databases.answers(connections)
                .timeout(DATABASE_TIMEOUT)
                .map(valid -> valid ? Status.UP : Status.DOWN)
                .onErrorResume(error -> {
                    log.warn("health: the database did not answer ({})", error.getClass().getSimpleName());
                    return Mono.just(Status.DOWN);
                });
    }

    static Mono<ServerResponse> respond(Status status) {
        return ServerResponse.status(status == Status.UP ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("status", status.name()));
    }
}
