package io.knag.host;

import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.LazyInitializationExcludeFilter;
import org.springframework.boot.context.properties.ConfigurationProperties;
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

    /**
     * Settings are bound before the embedded PostgreSQL starts: a value that cannot be used stops the start
     * before anything is written to the data directory.
     */
    @Bean
    static BeanFactoryPostProcessor settingsBeforeDatabase() {
        return beanFactory -> {
            if (!beanFactory.containsBeanDefinition("embeddedDatabase")) {
                return;
            }
            List<String> settings = new ArrayList<>();
            for (String name : beanFactory.getBeanDefinitionNames()) {
                Class<?> type = beanFactory.getType(name, false);
                if (type != null && type.isAnnotationPresent(ConfigurationProperties.class)) {
                    settings.add(name);
                }
            }
            BeanDefinition database = beanFactory.getBeanDefinition("embeddedDatabase");
            if (database.getDependsOn() != null) {
                settings.addAll(List.of(database.getDependsOn()));
            }
            database.setDependsOn(settings.toArray(String[]::new));
        };
    }

    @Bean
    static LazyInitializationExcludeFilter eagerSettings() {
        return (name, definition, type) -> type.isAnnotationPresent(ConfigurationProperties.class)
                || "embeddedDatabase".equals(name)
                || io.r2dbc.spi.ConnectionFactory.class.isAssignableFrom(type)
                || ConfigurationPropertiesBean.class.isAssignableFrom(type);
    }
}
