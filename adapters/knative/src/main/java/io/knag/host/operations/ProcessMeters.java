package io.knag.host.operations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmCompilationMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmHeapPressureMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmInfoMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.PoolMetrics;
import io.r2dbc.spi.ConnectionFactory;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * The JVM, process and connection-pool meters (actuator's names: {@code jvm.*}, {@code process.*},
 * {@code system.*}, {@code r2dbc.pool.*}, tagged with the pool's bean name as actuator did). They are bound when the registry is first scraped, not at start-up:
 * their set-up is start-up work no first request needs. (GC pauses before the first scrape are not counted.)
 */
final class ProcessMeters implements AutoCloseable {

    private final MeterRegistry registry;
    private final Supplier<ConnectionFactory> database;
    private JvmGcMetrics gc;
    private JvmHeapPressureMetrics heapPressure;

    ProcessMeters(MeterRegistry registry, Supplier<ConnectionFactory> database) {
        this.registry = registry;
        this.database = database;
    }

    synchronized void bindOnce() {
        if (gc != null) {
            return;
        }
        gc = new JvmGcMetrics();
        gc.bindTo(registry);
        heapPressure = new JvmHeapPressureMetrics();
        heapPressure.bindTo(registry);
        new JvmCompilationMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new JvmInfoMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
        if (database.get() instanceof ConnectionPool pool) {
            pool.getMetrics().ifPresent(this::bindPool);
        }
    }

    private void bindPool(PoolMetrics pool) {
        gauge("r2dbc.pool.acquired", "Connections in use", pool, PoolMetrics::acquiredSize);
        gauge("r2dbc.pool.allocated", "Connections open (in use or idle)", pool, PoolMetrics::allocatedSize);
        gauge("r2dbc.pool.idle", "Idle connections", pool, PoolMetrics::idleSize);
        gauge("r2dbc.pool.pending", "Callers waiting for a connection", pool, PoolMetrics::pendingAcquireSize);
        gauge("r2dbc.pool.max.allocated", "Most connections the pool opens", pool, PoolMetrics::getMaxAllocatedSize);
        gauge("r2dbc.pool.max.pending", "Most callers that may wait", pool, PoolMetrics::getMaxPendingAcquireSize);
    }

    private void gauge(String name, String description, PoolMetrics pool, ToDoubleFunction<PoolMetrics> value) {
        Gauge.builder(name, pool, value).description(description).tag("name", "connectionFactory").register(registry);
    }

    @Override
    public synchronized void close() {
        if (gc != null) {
            gc.close();
            heapPressure.close();
        }
    }
}
