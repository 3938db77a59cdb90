package io.knag.gateway;

import java.nio.file.Path;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The API gateway: the single entry point (TLS, JWT checks, rate limits, routing to the function host).
 * Before Spring starts, a self-signed certificate is made if the configured keystore does not exist yet
 * and {@code KNAG_GATEWAY_TLS_SELF_SIGNED} is not {@code false}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class KnagGateway {

    public static void main(String[] args) {
        String keystore = System.getenv().getOrDefault("KNAG_GATEWAY_TLS_KEYSTORE", "./data/gateway/tls.p12");
        String password = System.getenv("KNAG_GATEWAY_TLS_PASSWORD");
        if (!"false".equals(System.getenv("KNAG_GATEWAY_TLS_SELF_SIGNED")) && password != null) {
            SelfSignedCertificate.ensure(Path.of(keystore), password.toCharArray());
        }
        SpringApplication.run(KnagGateway.class, args);
    }
}
