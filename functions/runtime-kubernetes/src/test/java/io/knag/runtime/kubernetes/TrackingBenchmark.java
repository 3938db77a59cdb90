package io.knag.runtime.kubernetes;

import ch.qos.logback.classic.Level;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.knag.bots.runtime.BotLaunch;
import io.knag.bots.runtime.Observation.Kind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Issue target: the manager tracking 10,000 bots (mock server) holds them in under 300 MB of heap, and a single
 * change is reflected in the bot's state within 1 s. Creates the bots through {@link KubernetesBotRuntime#start}
 * (plus one running pod each, as a cluster would have), starts the runtime's informers, measures the heap they
 * add, then times 20 single changes from the API call to the matching observation.
 * Run: see functions/runtime-kubernetes/README.md ("Test and benchmark"); args: [bots] [changes].
 */
public final class TrackingBenchmark {

    private static final java.util.logging.Logger MOCK_LOG = java.util.logging.Logger.getLogger("io.fabric8.mockwebserver");

    public static void main(String[] args) throws Exception {
        int bots = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int changes = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        MOCK_LOG.setLevel(java.util.logging.Level.WARNING);
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("io.knag")).setLevel(Level.ERROR);
        System.out.printf("# TrackingBenchmark %s: %d bots, %d changes, mock API server (CRUD) in the same JVM; "
                        + "Java %s, %d cores, -Xmx %d MB%n", java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
                bots, changes, System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);

        KubernetesMockServer server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
                new KubernetesCrudDispatcher(), false);
        server.init();
        try (KubernetesClient client = server.createClient(); KubernetesClient outside = server.createClient()) {
            KubernetesBotRuntime runtime = new KubernetesBotRuntime(client, KubernetesRuntimeSettings.defaults());
            List<UUID> ids = new ArrayList<>();
            for (int i = 0; i < bots; i++) {
                ids.add(UUID.randomUUID());
            }
            create(runtime, outside, ids);

            long baseline = usedHeap();
            Map<String, CompletableFuture<Long>> expected = new ConcurrentHashMap<>();
            runtime.observations().subscribe(o -> {
                CompletableFuture<Long> waiting = expected.get(o.botId() + "/" + o.kind());
                if (waiting != null) {
                    waiting.complete(System.nanoTime());
                }
            });
            long syncStart = System.nanoTime();
            runtime.startWatching().get(10, TimeUnit.MINUTES);
            System.out.printf("informers synced on %d Deployments and %d pods in %.1f s%n", bots, bots, seconds(syncStart));
            long tracking = usedHeap();
            System.out.printf("live heap: %d MB before the informers (mock server, its %d objects and request log, clients), %d MB after%n",
                    baseline >> 20, 4 * bots, tracking >> 20);
            System.out.printf("heap attributable to the runtime tracking %d bots: %.1f MB (%.1f KB per bot)%n",
                    bots, (tracking - baseline) / 1048576.0, (tracking - baseline) / 1024.0 / bots);

            if (Boolean.getBoolean("benchmark.histogram")) {
                histogram().lines().limit(25).forEach(System.out::println);
            }
            Thread.sleep(Long.getLong("benchmark.settle", 0)); // -Dbenchmark.settle=ms: let the start-up work drain first
            // Not counted: right after the sync, the first change waits behind the initial add notifications and
            // the client's first patch and delete load their classes.
            for (int i = 0; i < 2; i++) {
                System.out.printf("  warm-up change %d, right after the sync (%s): observed after %.1f ms%n", i + 1,
                        i == 0 ? "RUNNING" : "GONE", change(outside, expected, ids.get(bots - 1 - i), i == 0));
            }
            List<Double> latencies = new ArrayList<>();
            for (int i = 0; i < changes; i++) {
                boolean availability = i % 2 == 0;
                double millis = change(outside, expected, ids.get(i * (bots - 2) / changes), availability);
                latencies.add(millis);
                System.out.printf("  change %2d (%s): observed after %.1f ms%n", i + 1,
                        availability ? "availableReplicas=1 -> RUNNING" : "Deployment deleted -> GONE", millis);
            }
            latencies.sort(Double::compare);
            System.out.printf("change -> observation: median %.1f ms, max %.1f ms (target < 1000 ms)%n",
                    (latencies.get((changes - 1) / 2) + latencies.get(changes / 2)) / 2, latencies.get(changes - 1));
            runtime.close();
            compareWithFullInformers(outside, bots);
            MOCK_LOG.setLevel(java.util.logging.Level.OFF); // the mock server complains of every watch it cannot finish
        } finally {
            server.destroy();
        }
    }

    /** Makes one change from outside and answers the milliseconds until the runtime observed it. */
    private static double change(KubernetesClient outside, Map<String, CompletableFuture<Long>> expected, UUID id,
                                 boolean availability) throws Exception {
        CompletableFuture<Long> seen = new CompletableFuture<>();
        expected.put(id + "/" + (availability ? Kind.RUNNING : Kind.GONE), seen);
        long start = System.nanoTime();
        var deployment = outside.apps().deployments().inNamespace(BotFixtures.NAMESPACE).withName("knag-bot-" + id);
        if (availability) {
            deployment.editStatus(d -> {
                d.setStatus(new DeploymentStatusBuilder().withAvailableReplicas(1).withReplicas(1).build());
                return d;
            });
        } else {
            deployment.delete();
        }
        long answered = System.nanoTime();
        long observed = seen.get(10, TimeUnit.SECONDS);
        if (Boolean.getBoolean("benchmark.verbose")) {
            System.out.printf("    API call %.1f ms, then observed %.1f ms later%n", (answered - start) / 1e6, (observed - answered) / 1e6);
        }
        return (observed - start) / 1e6;
    }

    private static void create(KubernetesBotRuntime runtime, KubernetesClient outside, List<UUID> ids) {
        long start = System.nanoTime();
        AtomicInteger done = new AtomicInteger();
        Flux.fromIterable(ids)
                .flatMap(id -> {
                    BotLaunch launch = BotFixtures.launch(id, 1);
                    return runtime.start(launch)
                            .then(Mono.fromCallable(() -> BotFixtures.putPod(outside,
                                    BotFixtures.pod(launch, "knag-bot-" + id + "-5d8f7c9b4-x2x4q", 0, null, null)))
                                    .subscribeOn(Schedulers.boundedElastic()));
                }, 4)
                .doOnNext(pod -> {
                    int n = done.incrementAndGet();
                    if (n % 1000 == 0) {
                        System.out.printf("  created %5d bots (Deployment, NetworkPolicy, Secret, pod) in %.1f s%n", n, seconds(start));
                    }
                })
                .blockLast();
        System.out.printf("created %d bots in %.1f s (%.1f ms per bot, 4 at a time)%n", ids.size(), seconds(start),
                (System.nanoTime() - start) / 1e6 / ids.size());
    }

    /** For comparison: plain informers caching whole objects, as {@code inform()} does by default. */
    private static void compareWithFullInformers(KubernetesClient client, int bots) throws Exception {
        long before = usedHeap();
        SharedIndexInformer<?> deployments = client.apps().deployments().inNamespace(BotFixtures.NAMESPACE)
                .withLabel(BotLabels.MANAGED_BY, BotLabels.KNAG).inform();
        SharedIndexInformer<?> pods = client.pods().inNamespace(BotFixtures.NAMESPACE)
                .withLabel(BotLabels.MANAGED_BY, BotLabels.KNAG).inform();
        long after = usedHeap();
        System.out.printf("for comparison, default full-object informers on the same %d bots: %.1f MB%n",
                bots, (after - before) / 1048576.0);
        deployments.close();
        pods.close();
    }

    /** The class histogram of live objects (it runs a full GC first): the top lines, and its total in bytes. */
    private static String histogram() throws Exception {
        var server = java.lang.management.ManagementFactory.getPlatformMBeanServer();
        return (String) server.invoke(new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"),
                "gcClassHistogram", new Object[] {new String[0]}, new String[] {String[].class.getName()});
    }

    /**
     * Live heap in bytes, as the class histogram counts it after a full GC (exact, where totalMemory - freeMemory
     * after System.gc() also counts G1's partly filled regions and varied by 100 MB between runs here).
     */
    private static long usedHeap() throws Exception {
        System.gc();
        String text = histogram();
        String total = text.lines().filter(l -> l.startsWith("Total")).findFirst().orElseThrow();
        return Long.parseLong(total.trim().split("\\s+")[2]);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
