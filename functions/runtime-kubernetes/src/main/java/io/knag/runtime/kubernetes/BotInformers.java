package io.knag.runtime.kubernetes;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.ReducedStateItemStore;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The watch's informers: on the bots' namespace, selected by the managed-by label, caching only labels,
 * annotations and the status fields named (fabric8 {@code ReducedStateItemStore}), so thousands of bots stay cheap.
 */
final class BotInformers {

    private static final Logger log = LoggerFactory.getLogger(BotInformers.class);

    private BotInformers() {
    }

    /**
     * An informer that retries after errors. An optional one (a resource whose API may not be installed, such as
     * Knative Services) gives up when the API server does not know the resource, so its start fails instead.
     */
    static <T extends HasMetadata> SharedIndexInformer<T> informer(KubernetesClient client, KubernetesRuntimeSettings settings,
            MixedOperation<T, ?, ?> operation, Class<T> type, boolean optional, String... statusFields) {
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
            if (optional && notFound(error)) {
                return false;
            }
            log.warn("bot watch ({}): {}, retrying", type.getSimpleName(), error.getClass().getSimpleName());
            return true;
        });
        return informer;
    }

    /** True when the API server answered 404: the resource (its API group) is not installed. */
    static boolean notFound(Throwable error) {
        for (Throwable e = error; e != null; e = e.getCause()) {
            if (e instanceof KubernetesClientException k && k.getCode() == 404) {
                return true;
            }
        }
        return false;
    }

    static <T> ResourceEventHandler<T> handler(Consumer<T> changed, Consumer<T> deleted) {
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
