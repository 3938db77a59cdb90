package io.knag.http;

import io.knag.paper.application.ClientOrderIds;
import io.knag.paper.application.MarketQuotes;
import io.knag.paper.application.OrderLookup;
import io.knag.paper.application.PaperExchange;
import io.knag.paper.application.PaperStore.FillQuery;
import io.knag.paper.application.SignedRequests;
import io.knag.paper.domain.Market;
import io.knag.paper.domain.MatchingRules;
import io.knag.paper.domain.OrderRequest;
import io.knag.paper.domain.OrderType;
import io.knag.paper.domain.PaperAccount;
import io.knag.paper.domain.Rejection;
import io.knag.paper.domain.Side;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/** One method per endpoint of the exchange API: read its parameters, check the signature, call the use case, answer. */
final class PaperExchangeHandler {

    private static final int DEFAULT_TRADES = 500;
    private static final int MOST_TRADES = 1000;

    private final PaperExchange exchange;
    private final MarketQuotes quotes;
    private final SignedRequests signed;
    private final MatchingRules rules;

    PaperExchangeHandler(PaperExchange exchange, MarketQuotes quotes, SignedRequests signed, MatchingRules rules) {
        this.exchange = exchange;
        this.quotes = quotes;
        this.signed = signed;
        this.rules = rules;
    }

    Mono<ServerResponse> ping(ServerRequest request) {
        return publicCall(request, params -> Map.of(), new String[0]);
    }

    Mono<ServerResponse> time(ServerRequest request) {
        return publicCall(request, params -> Map.of("serverTime", quotes.now().toEpochMilli()), new String[0]);
    }

    Mono<ServerResponse> exchangeInfo(ServerRequest request) {
        return publicCall(request, params -> {
            String symbol = params.symbol("symbol");
            List<Market> markets = symbol != null ? List.of(quotes.market(symbol)) : List.copyOf(quotes.markets());
            return ExchangeAnswers.exchangeInfo(quotes.now(), markets);
        }, "symbol");
    }

    Mono<ServerResponse> tickerPrice(ServerRequest request) {
        return publicCall(request, params -> {
            String symbol = params.symbol("symbol");
            if (symbol != null) {
                Market market = quotes.market(symbol);
                return ExchangeAnswers.price(market, quotes.price(market));
            }
            return quotes.markets().stream().map(market -> ExchangeAnswers.price(market, quotes.price(market))).toList();
        }, "symbol");
    }

    Mono<ServerResponse> klines(ServerRequest request) {
        return publicCall(request, params -> {
            String interval = params.text("interval");
            if (interval == null) {
                throw Rejection.MANDATORY_PARAM_EMPTY_OR_MALFORMED.because(
                        "Mandatory parameter 'interval' was not sent, was empty/null, or malformed.");
            }
            return quotes.candles(params.requiredSymbol(), interval, params.number("startTime"), params.number("endTime"),
                    params.count("limit")).stream().map(ExchangeAnswers::candle).toList();
        }, "symbol", "interval", "startTime", "endTime", "limit", "timeZone");
    }

    Mono<ServerResponse> depth(ServerRequest request) {
        return publicCall(request, params -> ExchangeAnswers.depth(quotes.depth(params.requiredSymbol(), params.count("limit"))),
                "symbol", "limit");
    }

    Mono<ServerResponse> placeOrder(ServerRequest request) {
        return signedCall(request, (params, account) -> {
            String responseType = params.text("newOrderRespType");
            if (responseType != null && !List.of("ACK", "RESULT", "FULL").contains(responseType)) {
                throw Rejection.INVALID_PARAMETER.because("Data sent for parameter 'newOrderRespType' is not valid.");
            }
            OrderRequest order = new OrderRequest(params.requiredSymbol(),
                    params.choice("side", Side.class, Rejection.INVALID_SIDE, "Invalid side."),
                    params.choice("type", OrderType.class, Rejection.INVALID_ORDER_TYPE, "Invalid orderType."),
                    params.text("timeInForce"), params.decimal("quantity"), params.decimal("quoteOrderQty"),
                    params.decimal("price"), params.text("newClientOrderId"));
            return exchange.place(account, order)
                    .map(placed -> ExchangeAnswers.placed(placed, responseType == null ? "FULL" : responseType));
        }, "symbol", "side", "type", "timeInForce", "quantity", "quoteOrderQty", "price", "newClientOrderId",
                "newOrderRespType");
    }

    Mono<ServerResponse> cancelOrder(ServerRequest request) {
        return signedCall(request, (params, account) -> {
            String newClientId = params.text("newClientOrderId");
            return exchange.cancel(account, lookup(params)).map(order -> ExchangeAnswers.cancelled(order,
                    newClientId != null ? newClientId : ClientOrderIds.next()));
        }, "symbol", "orderId", "origClientOrderId", "newClientOrderId", "cancelRestrictions");
    }

    Mono<ServerResponse> queryOrder(ServerRequest request) {
        return signedCall(request, (params, account) -> exchange.order(account, lookup(params)).map(ExchangeAnswers::order),
                "symbol", "orderId", "origClientOrderId");
    }

    Mono<ServerResponse> openOrders(ServerRequest request) {
        return signedCall(request, (params, account) -> exchange.openOrders(account, params.symbol("symbol"))
                .map(orders -> orders.stream().map(ExchangeAnswers::order).toList()), "symbol");
    }

    Mono<ServerResponse> account(ServerRequest request) {
        return signedCall(request, (params, account) -> exchange.state(account)
                .map(state -> ExchangeAnswers.account(state, rules.makerFee(), rules.takerFee())), "omitZeroBalances");
    }

    Mono<ServerResponse> myTrades(ServerRequest request) {
        return signedCall(request, (params, account) -> {
            Integer limit = params.count("limit");
            if (limit != null && (limit < 1 || limit > MOST_TRADES)) {
                throw Rejection.INVALID_PARAMETER.because("Data sent for parameter 'limit' is not valid.");
            }
            Long start = params.number("startTime");
            Long end = params.number("endTime");
            var query = new FillQuery(params.number("fromId"), params.number("orderId"),
                    start == null ? null : Instant.ofEpochMilli(start), end == null ? null : Instant.ofEpochMilli(end),
                    limit == null ? DEFAULT_TRADES : limit);
            return exchange.fills(account, params.requiredSymbol(), query)
                    .map(fills -> fills.stream().map(ExchangeAnswers::trade).toList());
        }, "symbol", "orderId", "startTime", "endTime", "fromId", "limit");
    }

    Mono<ServerResponse> apiRestrictions(ServerRequest request) {
        return signedCall(request, (params, account) -> Mono.just(ExchangeAnswers.restrictions(account)));
    }

    private static OrderLookup lookup(ExchangeParams params) {
        return new OrderLookup(params.requiredSymbol(), params.number("orderId"), params.text("origClientOrderId"));
    }

    private Mono<ServerResponse> publicCall(ServerRequest request, java.util.function.Function<ExchangeParams, Object> call,
                                            String... allowed) {
        return ExchangeParams.read(request)
                .map(params -> call.apply(params.allow(allowed)))
                .flatMap(body -> ServerResponse.ok().bodyValue(body));
    }

    private Mono<ServerResponse> signedCall(ServerRequest request, BiFunction<ExchangeParams, PaperAccount, Mono<?>> call,
                                            String... allowed) {
        return ExchangeParams.read(request)
                .flatMap(params -> signed.account(params.allow(allowed).signed(request))
                        .flatMap(account -> call.apply(params, account)))
                .flatMap(body -> ServerResponse.ok().bodyValue(body));
    }
}
