package io.knag.kernel.crypto;

import io.knag.kernel.KnagException;
import io.knag.kernel.ProblemType;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;

/**
 * Runs expensive, memory-hard work (Argon2id) off the event loop with a hard bound: at most
 * {@code concurrency} jobs at once (so memory stays at concurrency x cost), at most {@code maxWaiting}
 * queued, none waiting longer than {@code maxWait}; past that, {@code service-busy} at once. One instance
 * is shared by every user of Argon2 in a process (login hashes and vault keys alike).
 */
public final class BoundedWork {

    private final ThreadPoolExecutor executor;
    private final Duration maxWait;

    public BoundedWork(int concurrency, int maxWaiting, Duration maxWait) {
        this.maxWait = maxWait;
        this.executor = new ThreadPoolExecutor(concurrency, concurrency, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(Math.max(1, maxWaiting)), runnable -> {
                    Thread thread = new Thread(runnable, "bounded-work");
                    thread.setDaemon(true);
                    return thread;
                });
        this.executor.allowCoreThreadTimeOut(true);
    }

    public <T> Mono<T> run(Supplier<T> work) {
        return Mono.defer(() -> {
            long deadline = System.nanoTime() + maxWait.toNanos();
            try {
                return Mono.fromFuture(CompletableFuture.supplyAsync(() -> {
                    if (System.nanoTime() > deadline) {
                        throw busy();
                    }
                    return work.get();
                }, executor));
            } catch (RejectedExecutionException e) {
                return Mono.error(busy());
            }
        }).onErrorMap(CompletionException.class, e -> e.getCause() != null ? e.getCause() : e);
    }

    private static KnagException busy() {
        return new KnagException(ProblemType.SERVICE_BUSY, "Too many sign-ins at once; retry in a moment",
                List.of(), Duration.ofSeconds(1));
    }
}
