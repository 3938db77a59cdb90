package io.knag.host;

import org.springframework.boot.LazyInitializationExcludeFilter;
import org.springframework.boot.context.properties.ConfigurationPropertiesBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With {@code spring.main.lazy-initialization} (the default here: a scaled-to-zero function should start
 * answering before it builds what its first request does not need), settings are still bound and checked
 * at start-up, so a misconfigured host fails at once rather than on its first request, and the connection pool
 * is made at start-up, to open its first connection while the rest starts.
 */
@Configuration(proxyBeanMethods = false)
class LazyStartup {

    @Bean
    static LazyInitializationExcludeFilter eagerSettings() {
        return (name, definition, type) -> type.isAnnotationPresent(
                org.springframework.boot.context.properties.ConfigurationProperties.class)
                || "embeddedDatabase".equals(name)
                || io.r2dbc.spi.ConnectionFactory.class.isAssignableFrom(type)
                || ConfigurationPropertiesBean.class.isAssignableFrom(type);
    }
}
