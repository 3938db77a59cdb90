package io.knag.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.autoconfigure.condition.ConditionalOnNotWebApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.http.codec.json.Jackson2JsonDecoder;
import org.springframework.http.codec.json.Jackson2JsonEncoder;
import org.springframework.util.unit.DataSize;
import org.springframework.web.reactive.config.EnableWebFlux;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;

/**
 * Where there is no HTTP server (a Lambda or Azure Functions handler), the routes still run in WebFlux's
 * dispatcher, with the same strict JSON and body limit as the host, behind {@link InMemoryHttp}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnNotWebApplication
@EnableWebFlux
class ServerlessWebFlux implements WebFluxConfigurer {

    private final ObjectMapper json;
    private final Environment environment;

    ServerlessWebFlux(ObjectMapper json, Environment environment) {
        this.json = json;
        this.environment = environment;
    }

    @Override
    public void configureHttpMessageCodecs(ServerCodecConfigurer configurer) {
        configurer.defaultCodecs().jackson2JsonDecoder(new Jackson2JsonDecoder(json));
        configurer.defaultCodecs().jackson2JsonEncoder(new Jackson2JsonEncoder(json));
        configurer.defaultCodecs().maxInMemorySize((int) DataSize.parse(
                environment.getProperty("spring.codec.max-in-memory-size", "64KB")).toBytes());
    }

    @Bean
    InMemoryHttp inMemoryHttp(ApplicationContext context) {
        return new InMemoryHttp(WebHttpHandlerBuilder.applicationContext(context).build());
    }
}
