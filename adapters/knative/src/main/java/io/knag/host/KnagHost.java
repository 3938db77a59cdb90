package io.knag.host;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The function host: serves the Knag functions over HTTP at /api/v1 (Knative, or the embedded default).
 * {@code --knag.command=rotate-signing-key} rotates the token-signing key and exits.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class KnagHost {

    public static void main(String[] args) {
        SpringApplication.run(KnagHost.class, args);
    }
}
