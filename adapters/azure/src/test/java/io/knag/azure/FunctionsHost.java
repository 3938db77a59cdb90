package io.knag.azure;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.knag.azure.events.EventGridTopic;
import io.knag.kernel.testing.TestDatabase;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.cloud.function.adapter.azure.AzureFunctionInstanceInjector;

/**
 * The Function App as the Functions worker runs it, once per test JVM: its settings as the worker's
 * environment would give them (here system properties), the functions obtained through the Spring Cloud
 * Function adapter's {@link AzureFunctionInstanceInjector} as the worker does, on a fresh PostgreSQL database,
 * an AKS stand-in (fabric8's mock API server, CRUD mode) and an Event Grid topic on loopback.
 */
final class FunctionsHost {

    static final String TOPIC_KEY = "topic-key-" + java.util.UUID.randomUUID();
    static final String NAMESPACE = "knag-bots";

    private static FunctionsHost started;

    final TestDatabase database;
    final KubernetesClient cluster;
    final EventGridTopic topic;
    final HttpApi httpApi;
    final BotEventsGrid botEvents;

    static synchronized FunctionsHost get() {
        if (started == null) {
            started = new FunctionsHost();
        }
        return started;
    }

    private FunctionsHost() {
        database = TestDatabase.create();
        KubernetesMockServer kubernetes = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
                new KubernetesCrudDispatcher(), false);
        kubernetes.init(InetAddress.getLoopbackAddress(), 0);
        topic = new EventGridTopic();
        appSettings(kubernetes.getPort()).forEach(System::setProperty);
        cluster = kubernetes.createClient();
        try {
            AzureFunctionInstanceInjector worker = new AzureFunctionInstanceInjector();
            httpApi = worker.getInstance(HttpApi.class);
            botEvents = worker.getInstance(BotEventsGrid.class);
        } catch (Exception e) {
            throw new IllegalStateException("the Function App did not start", e);
        }
    }

    private Map<String, String> appSettings(int kubernetesPort) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("MAIN_CLASS", KnagAzureFunctions.class.getName());
        settings.put("knag.database.url", database.r2dbcUrl());
        settings.put("knag.database.username", "postgres");
        settings.put("knag.database.password", "");
        settings.put("knag.identity.key-encryption-key", "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");
        settings.put("knag.identity.argon2.memory-kib", "1024");
        settings.put("knag.identity.argon2.iterations", "1");
        settings.put("knag.tokens.issuer", "https://knag.test");
        settings.put("knag.events.event-grid.endpoint", topic.endpoint());
        settings.put("knag.events.event-grid.key", TOPIC_KEY);
        settings.put("knag.bots.runtime", "kubernetes");
        settings.put("kubernetes.master", "http://127.0.0.1:" + kubernetesPort);
        settings.put("kubernetes.namespace", NAMESPACE);
        settings.put("kubernetes.auth.tryKubeConfig", "false");
        settings.put("kubernetes.auth.tryServiceAccount", "false");
        // The JDK HTTP client's h2c upgrade hangs against the mock server, which speaks plain HTTP/1.1.
        settings.put("http2.disable", "true");
        return settings;
    }
}
