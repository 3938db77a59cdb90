package io.knag.gateway;

import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The API gateway: the single entry point (TLS, JWT checks, rate limits, routing to the function host).
 * By default it serves the PKCS#12 keystore {@code KNAG_GATEWAY_TLS_KEYSTORE} (password
 * {@code KNAG_GATEWAY_TLS_PASSWORD}), made as a self-signed certificate on first start. With
 * {@code KNAG_GATEWAY_TLS_SELF_SIGNED=false} it serves whatever {@code server.ssl.bundle} names (an
 * operator's PEM or PKCS#12 bundle), or plain HTTP behind a TLS-terminating ingress when none is set.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class KnagGateway {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(KnagGateway.class);
        if (!"false".equals(System.getenv("KNAG_GATEWAY_TLS_SELF_SIGNED"))) {
            String password = System.getenv("KNAG_GATEWAY_TLS_PASSWORD");
            if (password == null || password.isBlank()) {
                System.err.println("knag-gateway: set KNAG_GATEWAY_TLS_PASSWORD (the keystore password), or"
                        + " KNAG_GATEWAY_TLS_SELF_SIGNED=false with your own server.ssl.bundle");
                System.exit(2);
            }
            Path keystore = Path.of(System.getenv().getOrDefault("KNAG_GATEWAY_TLS_KEYSTORE", "./data/gateway/tls.p12"));
            SelfSignedCertificate.ensure(keystore, password.toCharArray());
            application.setDefaultProperties(keystoreBundle(keystore, password));
        }
        application.run(args);
    }

    /** The Spring SSL bundle {@code knag} over a PKCS#12 keystore, and the server using it. */
    static Map<String, Object> keystoreBundle(Path keystore, String password) {
        return Map.of("server.ssl.bundle", "knag",
                "spring.ssl.bundle.jks.knag.keystore.location", "file:" + keystore.toAbsolutePath(),
                "spring.ssl.bundle.jks.knag.keystore.password", password,
                "spring.ssl.bundle.jks.knag.keystore.type", "PKCS12");
    }
}
