package io.knag.host.operations;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.r2dbc.spi.ConnectionFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Health, liveness, readiness and Prometheus metrics, at the paths and in the shapes of Spring Boot Actuator
 * ({@code /actuator/health}, {@code /actuator/health/liveness}, {@code /actuator/health/readiness},
 * {@code /actuator/prometheus}), served by the host itself with Micrometer's Prometheus registry.
 * Actuator's general endpoint machinery cost about 100 ms of every cold start (bench/startup, with and without
 * it) for four endpoints; a scaled-to-zero function pays that on each first request.
 */
@Configuration(proxyBeanMethods = false)
class OperationsConfiguration {

    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    @Bean(destroyMethod = "close")
    PrometheusMeterRegistry prometheusMeterRegistry() {
        return new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    }

    @Bean
    HttpServerMetrics httpServerMetrics(PrometheusMeterRegistry registry) {
        return new HttpServerMetrics(registry);
    }

    @Bean(destroyMethod = "close")
    ProcessMeters processMeters(PrometheusMeterRegistry registry, ObjectProvider<ConnectionFactory> database) {
        return new ProcessMeters(registry, database::getIfAvailable);
    }

    @Bean
    RouterFunction<ServerResponse> operations(ApplicationAvailability availability,
                                              ObjectProvider<ConnectionFactory> database,
                                              PrometheusMeterRegistry registry, ProcessMeters processMeters) {
        Health health = new Health(availability, database::getIfAvailable);
        return RouterFunctions.route()
                .GET("/actuator/health", request -> health.overall().flatMap(Health::respond))
                .GET("/actuator/health/liveness", request -> Health.respond(health.liveness()))
                .GET("/actuator/health/readiness", request -> Health.respond(health.readiness()))
                .GET("/actuator/prometheus", request -> {
                    processMeters.bindOnce();
                    return ServerResponse.ok().header("Content-Type", PROMETHEUS_TEXT)
                            .bodyValue(registry.scrape());
                })
                .build();
    }
}
