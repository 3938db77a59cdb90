package io.knag.http;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.cloud.function.context.FunctionCatalog;
import org.springframework.cloud.function.context.catalog.SimpleFunctionRegistry.FunctionInvocationWrapper;
import reactor.core.publisher.Mono;

/**
 * Calls a function by its name in the catalog: the HTTP routes know functions by name only. The routes
 * pass typed commands, so the target is called directly, without the catalog's message conversion (and
 * without its logging of every rejected request as an error).
 */
class FunctionCalls {

    private final FunctionCatalog catalog;
    private final Map<String, Object> targets = new ConcurrentHashMap<>();

    FunctionCalls(FunctionCatalog catalog) {
        this.catalog = catalog;
    }

    @SuppressWarnings("unchecked")
    <I, O> Mono<O> apply(String name, I input) {
        return Mono.defer(() -> (Mono<O>) ((Function<I, Object>) target(name)).apply(input));
    }

    @SuppressWarnings("unchecked")
    <O> Mono<O> get(String name) {
        return Mono.defer(() -> (Mono<O>) ((Supplier<Object>) target(name)).get());
    }

    private Object target(String name) {
        return targets.computeIfAbsent(name, key -> {
            FunctionInvocationWrapper wrapper = catalog.lookup(key);
            if (wrapper == null) {
                throw new IllegalStateException("no function named " + key + " in this host");
            }
            return wrapper.getTarget();
        });
    }
}
