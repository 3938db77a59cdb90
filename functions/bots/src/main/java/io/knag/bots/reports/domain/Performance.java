package io.knag.bots.reports.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How a bot did: realized P&amp;L and fees in the quote asset (average-cost method per symbol; a commission paid in
 * the base asset is valued at the trade's price), the trade count, the win rate of its closing trades, and from
 * its equity reports the series (at most {@link #MOST_POINTS} points) and the largest fall from a peak.
 */
public record Performance(Instant since, int tradeCount, BigDecimal realizedPnl, BigDecimal fees, BigDecimal winRate,
                          BigDecimal maxDrawdown, BigDecimal lastEquity, String equityAsset, List<EquityPoint> equity) {

    public static final int MOST_POINTS = 500;
    private static final MathContext PRECISION = new MathContext(20, RoundingMode.HALF_EVEN);

    /** From a bot's trades and equity reports, each oldest first. */
    public static Performance of(List<Trade> trades, List<EquityPoint> equity) {
        Map<String, Position> positions = new HashMap<>();
        BigDecimal realized = BigDecimal.ZERO;
        BigDecimal fees = BigDecimal.ZERO;
        int closing = 0;
        int wins = 0;
        for (Trade trade : trades) {
            Position position = positions.computeIfAbsent(trade.symbol(), symbol -> new Position());
            boolean feeInBase = trade.commissionAsset() != null && trade.symbol().startsWith(trade.commissionAsset())
                    && !trade.symbol().endsWith(trade.commissionAsset());
            BigDecimal baseFee = feeInBase ? trade.commission() : BigDecimal.ZERO;
            BigDecimal quoteFee = feeInBase ? BigDecimal.ZERO : trade.commission();
            fees = fees.add(quoteFee).add(baseFee.multiply(trade.price()));
            if (trade.buy()) {
                position.quantity = position.quantity.add(trade.quantity()).subtract(baseFee);
                position.cost = position.cost.add(trade.quoteQuantity()).add(quoteFee);
                continue;
            }
            BigDecimal sold = trade.quantity().min(position.quantity.max(BigDecimal.ZERO));
            if (sold.signum() == 0) {
                continue;
            }
            BigDecimal share = sold.divide(trade.quantity(), PRECISION);
            BigDecimal proceeds = trade.quoteQuantity().subtract(quoteFee).subtract(baseFee.multiply(trade.price())).multiply(share);
            BigDecimal cost = position.cost.multiply(sold).divide(position.quantity, PRECISION);
            BigDecimal result = proceeds.subtract(cost);
            realized = realized.add(result);
            position.quantity = position.quantity.subtract(sold);
            position.cost = position.cost.subtract(cost);
            closing++;
            wins += result.signum() > 0 ? 1 : 0;
        }
        return new Performance(since(trades, equity), trades.size(), scaled(realized), scaled(fees),
                closing == 0 ? null : BigDecimal.valueOf(wins).divide(BigDecimal.valueOf(closing), 4, RoundingMode.HALF_EVEN),
                drawdown(equity), equity.isEmpty() ? null : equity.get(equity.size() - 1).equity(),
                equity.isEmpty() ? null : equity.get(equity.size() - 1).asset(), sample(equity));
    }

    /** The largest fall from a running peak, as a fraction of that peak; null with fewer than two points. */
    static BigDecimal drawdown(List<EquityPoint> equity) {
        if (equity.size() < 2) {
            return null;
        }
        BigDecimal peak = equity.get(0).equity();
        BigDecimal worst = BigDecimal.ZERO;
        for (EquityPoint point : equity) {
            peak = peak.max(point.equity());
            if (peak.signum() > 0) {
                worst = worst.max(peak.subtract(point.equity()).divide(peak, PRECISION));
            }
        }
        return worst.setScale(4, RoundingMode.HALF_EVEN);
    }

    /** At most {@link #MOST_POINTS} evenly spread points, the first and the last always among them. */
    static List<EquityPoint> sample(List<EquityPoint> equity) {
        if (equity.size() <= MOST_POINTS) {
            return List.copyOf(equity);
        }
        List<EquityPoint> sampled = new ArrayList<>(MOST_POINTS);
        for (int i = 0; i < MOST_POINTS; i++) {
            sampled.add(equity.get((int) ((long) i * (equity.size() - 1) / (MOST_POINTS - 1))));
        }
        return sampled;
    }

    private static Instant since(List<Trade> trades, List<EquityPoint> equity) {
        Instant first = trades.isEmpty() ? null : trades.get(0).time();
        Instant firstEquity = equity.isEmpty() ? null : equity.get(0).at();
        if (first == null || (firstEquity != null && firstEquity.isBefore(first))) {
            return firstEquity;
        }
        return first;
    }

    private static BigDecimal scaled(BigDecimal value) {
        return value.setScale(8, RoundingMode.HALF_EVEN);
    }

    private static final class Position {
        BigDecimal quantity = BigDecimal.ZERO;
        BigDecimal cost = BigDecimal.ZERO;
    }
}
