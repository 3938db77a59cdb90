package io.knag.http;

import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/** The OpenAPI document of this host. */
@Configuration(proxyBeanMethods = false)
class DocumentRoutes {

    static final MediaType YAML = MediaType.parseMediaType("application/yaml");

    @Bean
    RouterFunction<ServerResponse> documents() {
        var openApi = new ClassPathResource("openapi/openapi.yaml");
        return RouterFunctions.route()
                .GET("/api/v1/openapi.yaml", request -> ServerResponse.ok().contentType(YAML)
                        .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
                        .bodyValue(openApi))
                .filter(Produces.only(YAML))
                .build();
    }
}
