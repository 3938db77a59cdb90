package io.knag.host.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.knag.bots.runtime.BotRuntime;
import io.knag.host.HostDatabase;
import io.knag.host.HostTest;
import io.knag.kernel.events.EventPublisher;
import io.knag.kernel.events.InProcessEventPublisher;
import io.knag.runtime.local.LocalBotRuntime;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What a deployment sets is read when the host starts (an ahead-of-time build would freeze a condition's
 * build-time value; see ArchitectureTest): with a database URL no embedded PostgreSQL runs, a route switch
 * turns its routes off, and the runtime and event delivery are the ones the settings name.
 */
@HostTest
class DeploymentSettingsTest {

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        HostDatabase.register(registry);
        registry.add("knag.http.vault", () -> "false");
    }

    @Autowired
    ApplicationContext context;

    @Autowired
    WebTestClient http;

    @Test
    void withADatabaseUrlNoEmbeddedServerRuns() {
        assertThat(context.getBean(EmbeddedDatabaseConfiguration.EmbeddedDatabase.class).server()).isNull();
        http.get().uri("/.well-known/jwks.json").exchange().expectStatus().isOk();
    }

    @Test
    void aSwitchedOffCapabilityServesNoRoutesAndTheOthersServeTheirs() {
        http.get().uri("/api/v1/vault/brokers").exchange().expectStatus().isNotFound();
        http.get().uri("/api/v1/users/me").exchange().expectStatus().isUnauthorized();
        http.get().uri("/api/v1/bots").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void withoutASinkEventsStayInProcessAndBotsRunLocally() {
        assertThat(context.getBean(EventPublisher.class)).isInstanceOf(InProcessEventPublisher.class);
        assertThat(context.getBean(BotRuntime.class)).isInstanceOf(LocalBotRuntime.class);
    }
}
