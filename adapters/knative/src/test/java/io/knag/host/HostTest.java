package io.knag.host;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.autoconfigure.web.reactive.AutoConfigureWebTestClient;

/** The real host on a random port, on a fresh database of the test PostgreSQL (see {@link HostDatabase}). */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "knag.identity.key-encryption-key=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
        "knag.identity.argon2.memory-kib=1024",
        "knag.identity.argon2.iterations=1",
        "knag.tokens.issuer=https://knag.test",
        // No request leaves the machine: made-up Binance keys are not checked at Binance (VaultKeyProbeTest checks
        // them against a stand-in).
        "knag.vault.probe-urls.binance="})
@AutoConfigureWebTestClient
public @interface HostTest {
}
