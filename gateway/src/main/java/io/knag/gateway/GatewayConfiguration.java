package io.knag.gateway;

import io.knag.kernel.auth.RemoteJwks;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The key set the gateway verifies access tokens against: the identity function's JWKS. */
@Configuration(proxyBeanMethods = false)
class GatewayConfiguration {

    @Bean
    RemoteJwks identityKeys(GatewaySettings settings) {
        return new RemoteJwks(settings.jwks());
    }
}
