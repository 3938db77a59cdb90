package io.knag.azure;

import org.springframework.boot.LazyInitializationExcludeFilter;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.ConfigurationPropertiesBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With {@code spring.main.lazy-initialization} (the default here: a cold start should answer before it builds
 * what its first invocation does not need), settings are still bound and checked at start-up, so a Function App
 * with a missing or wrong setting fails at once rather than on its first request.
 */
@Configuration(proxyBeanMethods = false)
class LazyStartup {

    @Bean
    static LazyInitializationExcludeFilter eagerSettings() {
        return (name, definition, type) -> type.isAnnotationPresent(ConfigurationProperties.class)
                || ConfigurationPropertiesBean.class.isAssignableFrom(type);
    }
}
