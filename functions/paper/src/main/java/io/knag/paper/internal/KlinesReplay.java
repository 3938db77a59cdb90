package io.knag.paper.internal;

import io.knag.paper.application.MarketData;
import io.knag.paper.domain.Candle;
import io.knag.paper.domain.Decimals;
import io.knag.paper.domain.Interval;
import io.knag.paper.domain.Market;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Market data replayed from recorded candles in Binance's public klines CSV format (open time, open, high, low,
 * close, volume, close time, …; times in milliseconds or microseconds, an optional header line), one file per
 * market, played in a loop: the file's first candle opens at its own open time and every span of the file's
 * length after it. Within a candle the price moves in straight lines from the open to the nearer extreme, to the
 * other, to the close, at thirds of the candle. Markets without a file take {@code others} (the synthetic feed).
 */
final class KlinesReplay implements MarketData {

    private final Map<String, Recording> recordings;
    private final MarketData others;

    KlinesReplay(Map<String, Path> files, MarketData others) {
        this.recordings = files.entrySet().stream().collect(java.util.stream.Collectors.toUnmodifiableMap(
                Map.Entry::getKey, entry -> Recording.read(entry.getValue())));
        this.others = others;
    }

    @Override
    public BigDecimal price(Market market, Instant at) {
        Recording recording = recordings.get(market.symbol());
        return recording == null ? others.price(market, at) : market.roundToTick(recording.price(at.toEpochMilli()));
    }

    @Override
    public List<Candle> candles(Market market, Interval interval, Instant from, Instant to, int limit, Instant now) {
        Recording recording = recordings.get(market.symbol());
        if (recording == null) {
            return others.candles(market, interval, from, to, limit, now);
        }
        long step = interval.seconds() * 1000;
        long first = Math.floorDiv(from.toEpochMilli() + step - 1, step) * step;
        long last = Math.min(to.toEpochMilli(), now.toEpochMilli());
        List<Candle> candles = new ArrayList<>();
        for (long open = first; open <= last && candles.size() < limit; open += step) {
            candles.add(candle(market, recording, open, open + step, Math.min(open + step, now.toEpochMilli())));
        }
        return candles;
    }

    @Override
    public Candle range(Market market, Instant from, Instant to) {
        Recording recording = recordings.get(market.symbol());
        if (recording == null) {
            return others.range(market, from, to);
        }
        long end = Math.max(to.toEpochMilli(), from.toEpochMilli() + 1000);
        return candle(market, recording, from.toEpochMilli(), end, end);
    }

    /** The candle over {@code [open, close)} of which the time up to {@code done} has passed, second by second. */
    private static Candle candle(Market market, Recording recording, long open, long close, long done) {
        double first = recording.price(open);
        double high = first;
        double low = first;
        double last = first;
        for (long t = open; t < done; t += 1000) {
            double[] extremes = recording.extremes(t, Math.min(t + 1000, done));
            high = Math.max(high, extremes[0]);
            low = Math.min(low, extremes[1]);
            last = recording.price(Math.min(t + 1000, done));
        }
        double volume = recording.volume(open, done);
        return new Candle(Instant.ofEpochMilli(open), Instant.ofEpochMilli(close - 1), market.roundToTick(first),
                market.roundToTick(high), market.roundToTick(low), market.roundToTick(last),
                Decimals.floor(BigDecimal.valueOf(volume), market.stepSize()), 0);
    }

    /** One market's recorded candles, evenly spaced. */
    record Recording(long start, long length, double[] open, double[] high, double[] low, double[] close, double[] volume) {

        static Recording read(Path file) {
            List<double[]> rows = new ArrayList<>();
            List<Long> times = new ArrayList<>();
            try (Stream<String> lines = Files.lines(file)) {
                lines.map(String::strip).filter(line -> !line.isEmpty() && Character.isDigit(line.charAt(0))).forEach(line -> {
                    String[] f = line.split(",");
                    if (f.length < 6) {
                        throw new IllegalArgumentException(file + ": a klines row has open time, open, high, low, close, volume");
                    }
                    long time = Long.parseLong(f[0].strip());
                    times.add(time > 100_000_000_000_000L ? time / 1000 : time);
                    rows.add(new double[] {Double.parseDouble(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3]),
                            Double.parseDouble(f[4]), Double.parseDouble(f[5])});
                });
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the klines file " + file, e);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(file + ": a klines row has a field that is not a number");
            }
            if (rows.size() < 2) {
                throw new IllegalArgumentException(file + ": a replay needs at least two candles");
            }
            long length = times.get(1) - times.get(0);
            for (int i = 1; i < times.size(); i++) {
                if (times.get(i) - times.get(i - 1) != length || length < 1000) {
                    throw new IllegalArgumentException(file + ": candles must be evenly spaced, one interval of at least 1 s apart");
                }
            }
            int n = rows.size();
            double[][] columns = new double[5][n];
            for (int i = 0; i < n; i++) {
                for (int c = 0; c < 5; c++) {
                    columns[c][i] = rows.get(i)[c];
                }
            }
            return new Recording(times.get(0), length, columns[0], columns[1], columns[2], columns[3], columns[4]);
        }

        int index(long at) {
            return (int) Math.floorMod(Math.floorDiv(at - start, length), (long) open.length);
        }

        /** The price path within candle {@code i}: open, nearer extreme, other extreme, close, at thirds. */
        double price(long at) {
            int i = index(at);
            double f = (double) Math.floorMod(at - start, length) / length;
            double[] points = path(i);
            double scaled = f * 3;
            int leg = Math.min(2, (int) scaled);
            return points[leg] + (points[leg + 1] - points[leg]) * (scaled - leg);
        }

        /** The highest and lowest price on the path in {@code [from, to]}. */
        double[] extremes(long from, long to) {
            double high = Math.max(price(from), price(to));
            double low = Math.min(price(from), price(to));
            int i = index(from);
            long candleStart = from - Math.floorMod(from - start, length);
            double[] points = path(i);
            for (int k = 1; k <= 2; k++) {
                long corner = candleStart + length * k / 3;
                if (corner > from && corner < to) {
                    high = Math.max(high, points[k]);
                    low = Math.min(low, points[k]);
                }
            }
            if (index(to - 1) != i) {
                double[] next = path(index(to - 1));
                high = Math.max(high, next[0]);
                low = Math.min(low, next[0]);
            }
            return new double[] {high, low};
        }

        double volume(long from, long to) {
            double seconds = (to - from) / 1000.0;
            return volume[index(from)] * seconds * 1000 / length;
        }

        private double[] path(int i) {
            boolean up = close[i] >= open[i];
            return new double[] {open[i], up ? low[i] : high[i], up ? high[i] : low[i], close[i]};
        }
    }
}
