package io.knag.runtime.kubernetes;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.ReducedStateItemStore;
import io.knag.bots.runtime.Observation;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

/**
 * Watches the bots' Deployments and pods with two label-selected informers and turns what changes into
 * {@link Observation}s on one hot stream. The informers cache only the fields read here (labels,
 * annotations, the status parts), so tracking thousands of bots stays cheap.
 */
final class BotWatch implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BotWatch.class);
    private static final Duration FORGET_STOPPING_AFTER = Duration.ofMinutes(10);

    private final KubernetesClient client;
    private final KubernetesRuntimeSettings settings;
    private final Sinks.Many<Observation> sink = Sinks.many().multicast().onBackpressureBuffer(Integer.MAX_VALUE, false);
    private final ObservationGate gate = new ObservationGate();
    private final Map<UUID, Instant> stopping = new ConcurrentHashMap<>();
    private final Map<String, Integer> restartsByPod = new HashMap<>();
    private List<SharedIndexInformer<? extends HasMetadata>> informers;
    private CompletableFuture<Void> synced;
    private boolean closed;

    BotWatch(KubernetesClient client, KubernetesRuntimeSettings settings) {
        this.client = client;
        this.settings = settings;
    }

    /** Delivered off the informer threads, so a slow subscriber delays only itself (its backlog is buffered). */
    Flux<Observation> observations() {
        return sink.asFlux().doOnSubscribe(subscription -> start()).publishOn(Schedulers.boundedElastic());
    }

    /** Starts the informers once; completes when both have listed what is there. */
    synchronized CompletableFuture<Void> start() {
        if (closed) {
            return CompletableFuture.failedFuture(new IllegalStateException("the watch is closed"));
        }
        if (synced == null) {
            SharedIndexInformer<Deployment> deployments = informer(client.apps().deployments(), Deployment.class,
                    "metadata.generation", "status.availableReplicas", "status.updatedReplicas",
                    "status.observedGeneration", "status.conditions");
            SharedIndexInformer<Pod> pods = informer(client.pods(), Pod.class,
                    "metadata.deletionTimestamp", "status.containerStatuses");
            deployments.addEventHandler(handler(this::onDeployment, this::onDeploymentDeleted));
            pods.addEventHandler(handler(this::onPod, this::onPodDeleted));
            informers = List.of(deployments, pods);
            synced = CompletableFuture.allOf(deployments.start().toCompletableFuture(), pods.start().toCompletableFuture());
            synced.whenComplete((ok, e) -> logSynced(e));
        }
        return synced;
    }

    private synchronized void logSynced(Throwable failure) {
        if (failure == null) {
            log.info("bot watch on namespace {}: synced", settings.namespace());
        } else if (!closed) {
            log.warn("bot watch on namespace {}: not synced ({})", settings.namespace(), failure.toString());
        }
    }

    /** Marks a bot as being stopped by Knag, so the deletion of its Deployment is no surprise. */
    void stopping(UUID botId) {
        Instant now = Instant.now();
        stopping.values().removeIf(since -> since.isBefore(now.minus(FORGET_STOPPING_AFTER)));
        stopping.put(botId, now);
    }

    /** The stop found no Deployment to delete: nothing will be deleted to expect. */
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
            emit(gate.availability(id, generation, Verdicts.available(deployment)));
        });
    }

    private void onDeploymentDeleted(Deployment deployment) {
        BotLabels.botId(deployment).ifPresent(id -> {
            if (stopping.remove(id) != null) {
                gate.forget(id);
            } else {
                log.warn("bot {}: its Deployment was deleted outside Knag", id);
                emit(gate.gone(id, BotLabels.generation(deployment)));
            }
        });
    }

    private synchronized void onPod(Pod pod) {
        Optional<UUID> botId = BotLabels.botId(pod);
        if (botId.isEmpty() || pod.getMetadata().getDeletionTimestamp() != null) {
            return; // a pod on its way out (stop, a new generation) ends with a kill: no news about the bot
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

    private <T extends HasMetadata> SharedIndexInformer<T> informer(
            io.fabric8.kubernetes.client.dsl.MixedOperation<T, ?, ?> operation, Class<T> type, String... statusFields) {
        String[] fields = new String[statusFields.length + 2];
        fields[0] = "metadata.labels";
        fields[1] = "metadata.annotations";
        System.arraycopy(statusFields, 0, fields, 2, statusFields.length);
        SharedIndexInformer<T> informer = operation.inNamespace(settings.namespace())
                .withLabel(BotLabels.MANAGED_BY, BotLabels.KNAG)
                .runnableInformer(settings.resync().toMillis());
        informer.itemStore(new ReducedStateItemStore<>(ReducedStateItemStore.NAME_KEY_STATE, type,
                client.getKubernetesSerialization(), fields));
        informer.exceptionHandler((started, error) -> {
            log.warn("bot watch ({}): {}, retrying", type.getSimpleName(), error.getClass().getSimpleName());
            return true;
        });
        return informer;
    }

    private static <T> ResourceEventHandler<T> handler(Consumer<T> changed, Consumer<T> deleted) {
        return new ResourceEventHandler<>() {
            @Override
            public void onAdd(T object) {
                changed.accept(object);
            }

            @Override
            public void onUpdate(T before, T after) {
                changed.accept(after);
            }

            @Override
            public void onDelete(T object, boolean finalStateUnknown) {
                deleted.accept(object);
            }
        };
    }
}
