package io.knag.http;

import io.knag.paper.application.MarketQuotes;
import io.knag.paper.application.PaperExchange;
import io.knag.paper.application.SignedRequests;
import io.knag.paper.domain.MatchingRules;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The paper exchange's trading API under {@code /paper} (docs/paper-exchange.md): a subset of Binance's spot REST
 * API, so a bot written for that API trades here by changing its base URL and key. No bearer token: signed
 * endpoints carry {@code X-MBX-APIKEY} and an HMAC signature; errors are that API's {@code {"code","msg"}}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBean(name = "paperExchange")
class PaperExchangeRoutes {

    @Bean
    RouterFunction<ServerResponse> paperExchangeApi(PaperExchange exchange, MarketQuotes quotes, SignedRequests signed,
                                                    MatchingRules rules, Environment environment) {
        var handler = new PaperExchangeHandler(exchange, quotes, signed, rules);
        RouterFunction<ServerResponse> routes = RouterFunctions.route()
                .path("/paper", paper -> paper
                        .GET("/api/v3/ping", handler::ping)
                        .GET("/api/v3/time", handler::time)
                        .GET("/api/v3/exchangeInfo", handler::exchangeInfo)
                        .GET("/api/v3/ticker/price", handler::tickerPrice)
                        .GET("/api/v3/klines", handler::klines)
                        .GET("/api/v3/depth", handler::depth)
                        .POST("/api/v3/order", handler::placeOrder)
                        .DELETE("/api/v3/order", handler::cancelOrder)
                        .GET("/api/v3/order", handler::queryOrder)
                        .GET("/api/v3/openOrders", handler::openOrders)
                        .GET("/api/v3/account", handler::account)
                        .GET("/api/v3/myTrades", handler::myTrades)
                        .GET("/sapi/v1/account/apiRestrictions", handler::apiRestrictions))
                .filter(ExchangeErrors::answer)
                .filter(Produces.json())
                .build();
        return RouteSwitch.unlessOff(environment, "paper", routes);
    }
}
