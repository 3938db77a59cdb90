package io.knag.host.operations;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.r2dbc.spi.ConnectionFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.HandlerFunction;
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
        HandlerFunction<ServerResponse> overall = request -> health.overall().flatMap(Health::respond);
        HandlerFunction<ServerResponse> liveness = request -> Health.respond(health.liveness());
        HandlerFunction<ServerResponse> readiness = request -> Health.respond(health.readiness());
        HandlerFunction<ServerResponse> prometheus = request -> {
            processMeters.bindOnce();
            return ServerResponse.ok().header("Content-Type", PROMETHEUS_TEXT).bodyValue(registry.scrape());
        };
        // HEAD answers as GET without the body, as actuator's endpoints did (uptime checkers use it).
        return RouterFunctions.route()
                .GET("/actuator/health", overall).HEAD("/actuator/health", overall)
                .GET("/actuator/health/liveness", liveness).HEAD("/actuator/health/liveness", liveness)
                .GET("/actuator/health/readiness", readiness).HEAD("/actuator/health/readiness", readiness)
                .GET("/actuator/prometheus", prometheus).HEAD("/actuator/prometheus", prometheus)
                .build();
    }
}
