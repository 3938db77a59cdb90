package io.knag.kernel.internal;

import io.knag.kernel.auth.AccessTokenVerifier;
import io.knag.kernel.auth.PublicKeyDirectory;
import io.knag.kernel.auth.TokenSettings;
import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** Access-token verification against whichever {@link PublicKeyDirectory} this host has. */
@AutoConfiguration(after = KernelAutoConfiguration.class,
        afterName = "io.knag.identity.internal.IdentityAutoConfiguration")
public class AccessTokenAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(PublicKeyDirectory.class)
    AccessTokenVerifier accessTokenVerifier(PublicKeyDirectory keys, TokenSettings settings, Clock clock) {
        return new AccessTokenVerifier(keys, settings, clock);
    }
}
