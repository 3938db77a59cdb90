package io.knag.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.knag.kernel.auth.AccessTokenVerifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

/**
 * The /api/v1 routes of docs/api, for every capability present in this application, unless switched off with
 * {@code knag.http.identity|vault|bots|paper=false} (a function group serves only its own routes), with bearer-token
 * checks, strict JSON, body limits and problem+json errors. A capability's router ({@code XxxRoutes}) hands each
 * request to a handler class per resource, which calls the capability's functions, injected by type. The Knative
 * host serves the routes over its HTTP server; the Lambda and Azure adapters hand their platform's HTTP requests to
 * the same routes in memory ({@link InMemoryHttp}).
 */
@AutoConfiguration(afterName = {"io.knag.identity.internal.IdentityAutoConfiguration",
        "io.knag.vault.internal.VaultAutoConfiguration", "io.knag.bots.internal.BotsAutoConfiguration",
        "io.knag.paper.internal.PaperAutoConfiguration", "io.knag.bots.reports.internal.ReportsAutoConfiguration",
        "org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration"})
@Import({IdentityRoutes.class, VaultRoutes.class, BotRoutes.class, BotReportRoutes.class, PaperAccountRoutes.class,
        PaperExchangeRoutes.class,
        DocumentRoutes.class, StrictJson.class,
        ServerlessWebFlux.class})
public class HttpApiAutoConfiguration {

    @Bean
    BearerAuthentication bearerAuthentication(AccessTokenVerifier verifier) {
        return new BearerAuthentication(verifier::verify);
    }

    @Bean
    ProblemHandler problemHandler(ObjectMapper json) {
        return new ProblemHandler(json);
    }

    @Bean
    RequestLimits requestLimits(Environment environment) {
        return new RequestLimits(environment);
    }
}
