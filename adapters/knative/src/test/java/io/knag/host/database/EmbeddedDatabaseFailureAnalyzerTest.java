package io.knag.host.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.knag.embedded.postgres.EmbeddedPostgres;
import io.knag.web.startup.CannotStart;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** The embedded database's own refusals, as the host's start-up reports them. */
class EmbeddedDatabaseFailureAnalyzerTest {

    @TempDir
    Path data;

    @Test
    void aTakenDatabasePortNamesTheVariableThatMovesIt() throws Exception {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("application", Map.of(
                "spring.application.name", "knag-host")));
        try (ServerSocket holder = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = holder.getLocalPort();
            Throwable refused = catchThrowable(() -> EmbeddedPostgres.start(data.resolve("postgres"), port));

            FailureAnalysis analysis = new EmbeddedDatabaseFailureAnalyzer(environment)
                    .analyze(new BeanCreationException("embeddedDatabase", "failed", refused));

            assertThat(analysis).isInstanceOf(CannotStart.class);
            assertThat(analysis.getDescription()).isEqualTo("port " + port + " on 127.0.0.1 is already in use");
            assertThat(analysis.getAction()).endsWith("or set KNAG_DATABASE_EMBEDDED_PORT to a free port");
            assertThat(data.resolve("postgres")).doesNotExist();
        }
    }

    @Test
    void otherFailuresAreNotItsToExplain() {
        assertThat(new EmbeddedDatabaseFailureAnalyzer(new StandardEnvironment())
                .analyze(new IllegalStateException("something else"))).isNull();
    }
}
