package io.knag.paper.internal;

import io.knag.paper.domain.Market;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/** One market's walk: its hourly anchors (computed in order, once) and a small cache of hours by the second. */
final class SyntheticWalk {

    private static final int SECONDS = 3600;
    private static final double PULL_BACK = 0.02;
    private static final double REGIME_SWITCH = 0.08;
    private static final int CACHED_HOURS = 48;

    private final long seed;
    private final double startLog;
    private final double volatility;
    private final double quotePerSecond;
    private final SplittableRandom anchorRandom;
    private double[] anchors = new double[0];
    private boolean[] wild = new boolean[0];
    private int known;
    private final Map<Long, Hour> hours = new LinkedHashMap<>(CACHED_HOURS, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Hour> eldest) {
            return size() > CACHED_HOURS;
        }
    };

    SyntheticWalk(long seed, Market market) {
        this.seed = seed ^ (market.symbol().hashCode() * 0x9E3779B97F4A7C15L);
        this.startLog = Math.log(market.startPrice().doubleValue());
        this.volatility = market.volatility();
        this.quotePerSecond = 2000;
        this.anchorRandom = new SplittableRandom(this.seed);
    }

    synchronized Hour hour(long index) {
        return hours.computeIfAbsent(index, this::compute);
    }

    private Hour compute(long index) {
        ensureAnchors(index + 1);
        double from = anchors[(int) index];
        double to = anchors[(int) index + 1];
        double sigma = volatility * (wild[(int) index] ? 3 : 1);
        SplittableRandom random = new SplittableRandom(seed ^ (index * 0xBF58476D1CE4E5B9L) ^ 0x94D049BB133111EBL);
        double[] walk = new double[SECONDS + 1];
        for (int i = 1; i <= SECONDS; i++) {
            walk[i] = walk[i - 1] + sigma * random.nextGaussian();
        }
        double[] prices = new double[SECONDS + 1];
        for (int i = 0; i <= SECONDS; i++) {
            double t = (double) i / SECONDS;
            prices[i] = Math.exp(from + (to - from) * t + walk[i] - t * walk[SECONDS]);
        }
        return new Hour(prices, sigma, random, quotePerSecond * (wild[(int) index] ? 2 : 1));
    }

    private void ensureAnchors(long needed) {
        if (needed > Integer.MAX_VALUE - 1) {
            throw new IllegalArgumentException("too far from the origin");
        }
        if (anchors.length <= needed) {
            anchors = Arrays.copyOf(anchors, (int) Math.max(needed + 1, anchors.length * 2L));
            wild = Arrays.copyOf(wild, anchors.length);
        }
        if (known == 0) {
            anchors[0] = startLog;
            known = 1;
        }
        for (; known <= needed; known++) {
            int previous = known - 1;
            boolean switches = anchorRandom.nextDouble() < REGIME_SWITCH;
            wild[known] = switches != wild[previous];
            double sigma = volatility * (wild[previous] ? 3 : 1) * Math.sqrt(SECONDS);
            anchors[known] = anchors[previous] + PULL_BACK * (startLog - anchors[previous]) + sigma * anchorRandom.nextGaussian();
        }
    }

    /** The seconds of one hour: open (and close) prices from the bridge, highs, lows, volumes and trade counts. */
    static final class Hour {

        private final double[] prices;
        private final double[] highs = new double[SECONDS];
        private final double[] lows = new double[SECONDS];
        private final double[] volumes = new double[SECONDS];
        private final int[] trades = new int[SECONDS];

        Hour(double[] prices, double sigma, SplittableRandom random, double quotePerSecond) {
            this.prices = prices;
            for (int i = 0; i < SECONDS; i++) {
                double upper = Math.max(prices[i], prices[i + 1]);
                double lower = Math.min(prices[i], prices[i + 1]);
                highs[i] = upper * (1 + Math.abs(random.nextGaussian()) * sigma * 0.3);
                lows[i] = lower * (1 - Math.abs(random.nextGaussian()) * sigma * 0.3);
                volumes[i] = quotePerSecond * (0.5 + Math.abs(random.nextGaussian())) / prices[i];
                trades[i] = 1 + (int) (Math.abs(random.nextGaussian()) * 20);
            }
        }

        double open(int second) {
            return prices[second];
        }

        double close(int second) {
            return prices[second + 1];
        }

        double high(int second) {
            return highs[second];
        }

        double low(int second) {
            return lows[second];
        }

        double volume(int second) {
            return volumes[second];
        }

        int trades(int second) {
            return trades[second];
        }
    }
}
