package io.knag.http;

import io.knag.bots.reports.application.Portfolio;
import io.knag.bots.reports.application.ReportOutcome;
import io.knag.bots.reports.application.ReportSubmission;
import io.knag.bots.reports.application.TradesPage;
import io.knag.bots.reports.application.TradesQuery;
import io.knag.bots.reports.domain.Performance;
import io.knag.kernel.auth.Authenticated;
import io.knag.kernel.auth.Caller;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * Bot reports and results (docs/api/bots.md#reports-trades-and-performance): {@code POST /api/v1/bots/{id}/reports}
 * with the bot's report token (checked by the function, not by the bearer filter); trades, performance and the
 * portfolio behind the owner's access token. The report functions are injected by type.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBean(name = "receiveBotReport")
class BotReportRoutes {

    @Bean
    RouterFunction<ServerResponse> botReportsApi(Function<ReportSubmission, Mono<ReportOutcome>> receiveBotReport,
                                                 Function<Authenticated<TradesQuery>, Mono<TradesPage>> botTrades,
                                                 Function<Authenticated<UUID>, Mono<Performance>> botPerformance,
                                                 Function<Caller, Mono<Portfolio>> portfolio,
                                                 BearerAuthentication auth, Environment environment) {
        return RouteSwitch.unlessOff(environment, "bots", routes(new BotReportHandler(receiveBotReport, botTrades,
                botPerformance, portfolio), auth));
    }

    static RouterFunction<ServerResponse> routes(BotReportHandler reports, BearerAuthentication auth) {
        RouterFunction<ServerResponse> fromBots = RouterFunctions.route()
                .POST("/api/v1/bots/{id}/reports", reports::receive)
                .filter(Produces.json())
                .build();
        RouterFunction<ServerResponse> toOwners = RouterFunctions.route()
                .GET("/api/v1/bots/{id}/trades", reports::trades)
                .GET("/api/v1/bots/{id}/performance", reports::performance)
                .GET("/api/v1/portfolio", reports::portfolio)
                .filter(Produces.json())
                .filter(auth)
                .build();
        return fromBots.and(toOwners);
    }
}
