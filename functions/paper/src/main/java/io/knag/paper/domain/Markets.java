package io.knag.paper.domain;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The markets the paper exchange lists. */
public final class Markets {

    private final Map<String, Market> bySymbol = new LinkedHashMap<>();

    public Markets(List<Market> markets) {
        markets.forEach(market -> bySymbol.put(market.symbol(), market));
        if (bySymbol.isEmpty()) {
            throw new IllegalArgumentException("the paper exchange needs at least one market");
        }
    }

    /** BTC, ETH, BNB, SOL and XRP against USDT, with Binance's filters for them. */
    public static Markets standard() {
        return new Markets(List.of(
                market("BTC", "0.01", "0.00001", "0.00001", "9000", "5", "90000", 0.0002),
                market("ETH", "0.01", "0.0001", "0.0001", "9000", "5", "3000", 0.00025),
                market("BNB", "0.01", "0.001", "0.001", "9000", "5", "600", 0.00025),
                market("SOL", "0.01", "0.001", "0.001", "9000", "5", "150", 0.0003),
                market("XRP", "0.0001", "0.1", "0.1", "9000000", "5", "0.5", 0.0003)));
    }

    private static Market market(String base, String tick, String step, String minQty, String maxQty, String minNotional,
                                 String start, double volatility) {
        return new Market(base + "USDT", base, "USDT", new BigDecimal(tick), new BigDecimal(step), new BigDecimal(minQty),
                new BigDecimal(maxQty), new BigDecimal(minNotional), new BigDecimal(start), volatility);
    }

    public Market find(String symbol) {
        Market market = symbol == null ? null : bySymbol.get(symbol);
        if (market == null) {
            throw Rejection.BAD_SYMBOL.because("Invalid symbol.");
        }
        return market;
    }

    public Collection<Market> all() {
        return bySymbol.values();
    }

    /** Every asset some market trades: what a paper account may hold. */
    public Set<String> assets() {
        Set<String> assets = new TreeSet<>();
        bySymbol.values().forEach(market -> {
            assets.add(market.base());
            assets.add(market.quote());
        });
        return assets;
    }
}
