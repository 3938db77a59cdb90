package io.knag.runtime.kubernetes;

import static io.knag.runtime.kubernetes.BotInformers.handler;
import static io.knag.runtime.kubernetes.BotInformers.informer;

import io.fabric8.knative.client.KnativeClient;
import io.fabric8.knative.serving.v1.Service;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.knag.bots.runtime.Observation;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

/**
 * Watches the bots' Deployments, Knative Services and pods with three label-selected informers
 * ({@link BotInformers}) and turns what changes into {@link Observation}s on one hot stream. A cluster without
 * Knative Serving has no Knative Services to watch: that informer then gives up and the other two carry on.
 */
final class BotWatch implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BotWatch.class);
    private static final Duration FORGET_STOPPING_AFTER = Duration.ofMinutes(10);

    private final KubernetesClient client;
    private final KnativeClient knative;
    private final KubernetesRuntimeSettings settings;
    private final Sinks.Many<Observation> sink = Sinks.many().multicast().onBackpressureBuffer(Integer.MAX_VALUE, false);
    private final ObservationGate gate = new ObservationGate();
    private final Map<UUID, Instant> stopping = new ConcurrentHashMap<>();
    private final Map<String, Integer> restartsByPod = new HashMap<>();
    private List<SharedIndexInformer<? extends HasMetadata>> informers;
    private CompletableFuture<Void> synced;
    private boolean closed;

    BotWatch(KubernetesClient client, KnativeClient knative, KubernetesRuntimeSettings settings) {
        this.client = client;
        this.knative = knative;
        this.settings = settings;
    }

    /** Delivered off the informer threads, so a slow subscriber delays only itself (its backlog is buffered). */
    Flux<Observation> observations() {
        return sink.asFlux().doOnSubscribe(subscription -> start()).publishOn(Schedulers.boundedElastic());
    }

    /** Starts the informers once; completes when all have listed what is there. */
    synchronized CompletableFuture<Void> start() {
        if (closed) {
            return CompletableFuture.failedFuture(new IllegalStateException("the watch is closed"));
        }
        if (synced == null) {
            SharedIndexInformer<Deployment> deployments = informer(client, settings, client.apps().deployments(),
                    Deployment.class, false, "metadata.generation", "status.availableReplicas",
                    "status.updatedReplicas", "status.observedGeneration", "status.conditions");
            SharedIndexInformer<Service> services = informer(client, settings, knative.services(), Service.class, true,
                    "metadata.generation", "status.observedGeneration", "status.conditions");
            SharedIndexInformer<Pod> pods = informer(client, settings, client.pods(), Pod.class, false,
                    "metadata.deletionTimestamp", "status.containerStatuses");
            deployments.addEventHandler(handler(this::onDeployment, d -> onWorkloadDeleted(d, "Deployment")));
            services.addEventHandler(handler(this::onKnativeService, s -> onWorkloadDeleted(s, "Knative Service")));
            pods.addEventHandler(handler(this::onPod, this::onPodDeleted));
            informers = List.of(deployments, services, pods);
            synced = CompletableFuture.allOf(deployments.start().toCompletableFuture(), pods.start().toCompletableFuture(),
                    services.start().toCompletableFuture().handle(this::withoutKnative));
            synced.whenComplete((ok, e) -> logSynced(e));
        }
        return synced;
    }

    private Void withoutKnative(Void ok, Throwable failure) {
        if (failure == null) {
            return null;
        }
        if (!BotInformers.notFound(failure)) {
            throw new CompletionException(failure);
        }
        log.info("bot watch: Knative Serving is not installed; request-driven bots cannot run here");
        return null;
    }

    private synchronized void logSynced(Throwable failure) {
        if (failure == null) {
            log.info("bot watch on namespace {}: synced", settings.namespace());
        } else if (!closed) {
            log.warn("bot watch on namespace {}: not synced ({})", settings.namespace(), failure.toString());
        }
    }

    /** Marks a bot as being stopped by Knag, so the deletion of its workload is no surprise. */
    void stopping(UUID botId) {
        Instant now = Instant.now();
        stopping.values().removeIf(since -> since.isBefore(now.minus(FORGET_STOPPING_AFTER)));
        stopping.put(botId, now);
    }

    /** The stop found no workload to delete: nothing will be deleted to expect. */
    void notStopping(UUID botId) {
        stopping.remove(botId);
    }

    @Override
    public void close() {
        List<SharedIndexInformer<? extends HasMetadata>> running;
        synchronized (this) {
            closed = true;
            running = informers == null ? List.of() : informers;
        }
        running.forEach(SharedIndexInformer::stop); // outside the lock the handlers take
        synchronized (this) {
            sink.tryEmitComplete();
        }
    }

    private void onDeployment(Deployment deployment) {
        BotLabels.botId(deployment).ifPresent(id -> {
            long generation = BotLabels.generation(deployment);
            Verdicts.stalled(deployment).ifPresent(v -> emit(gate.settled(id, generation, v.kind(), v.detail())));
            emit(gate.availability(id, generation, Verdicts.available(deployment), "its pod is available"));
        });
    }

    private void onKnativeService(Service service) {
        BotLabels.botId(service).ifPresent(id -> {
            long generation = BotLabels.generation(service);
            KnativeVerdicts.failed(service).ifPresent(v -> emit(gate.settled(id, generation, v.kind(), v.detail())));
            emit(gate.availability(id, generation, KnativeVerdicts.ready(service), "its Knative Service is ready"));
        });
    }

    private void onWorkloadDeleted(HasMetadata workload, String what) {
        BotLabels.botId(workload).ifPresent(id -> {
            if (stopping.remove(id) != null) {
                gate.forget(id);
            } else {
                log.warn("bot {}: its {} was deleted outside Knag", id, what);
                emit(gate.gone(id, BotLabels.generation(workload), "its " + what + " was deleted outside Knag"));
            }
        });
    }

    private synchronized void onPod(Pod pod) {
        Optional<UUID> botId = BotLabels.botId(pod);
        if (botId.isEmpty() || pod.getMetadata().getDeletionTimestamp() != null) {
            return; // a pod on its way out (stop, a new generation, scale to zero) ends with a kill: no news about the bot
        }
        UUID id = botId.get();
        long generation = BotLabels.generation(pod);
        int restarts = Verdicts.restarts(pod);
        Integer before = restartsByPod.put(pod.getMetadata().getName(), restarts);
        Optional<Verdicts.Verdict> terminal = Verdicts.terminal(pod);
        if (terminal.isPresent()) {
            emit(gate.settled(id, generation, terminal.get().kind(), terminal.get().detail()));
        } else if (before != null && restarts > before) {
            emit(gate.restarted(id, generation, "restarted after " + Verdicts.lastExit(pod)));
        }
    }

    private synchronized void onPodDeleted(Pod pod) {
        restartsByPod.remove(pod.getMetadata().getName());
    }

    private synchronized void emit(Optional<Observation> observation) {
        observation.ifPresent(o -> {
            log.info("bot {} generation {}: {} ({})", o.botId(), o.generation(), o.kind(), o.detail());
            Sinks.EmitResult result = sink.tryEmitNext(o);
            if (result.isFailure() && result != Sinks.EmitResult.FAIL_ZERO_SUBSCRIBER) {
                log.warn("bot {}: observation {} not delivered ({})", o.botId(), o.kind(), result);
            }
        });
    }
}
