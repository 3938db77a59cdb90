package io.knag.host;

import io.knag.web.EdgeConnections;
import io.knag.web.SecurityHeaders;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.embedded.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The host's connections answer what Netty refuses as problem+json and time out requests read too slowly
 * ({@code knag.http.read-timeout}, 20 s from a request's first byte to its last; see {@link EdgeConnections}).
 */
@Configuration(proxyBeanMethods = false)
class EdgeConfiguration {

    @Bean
    NettyServerCustomizer edgeConnections(@Value("${knag.http.read-timeout:20s}") Duration readTimeout) {
        return EdgeConnections.customizer(readTimeout, SecurityHeaders.HOST);
    }
}
