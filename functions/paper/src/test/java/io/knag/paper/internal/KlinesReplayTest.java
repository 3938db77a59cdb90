package io.knag.paper.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.knag.paper.domain.Candle;
import io.knag.paper.domain.Interval;
import io.knag.paper.domain.Market;
import io.knag.paper.domain.Markets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Recorded candles in Binance's public klines CSV format, generated here, replayed in a loop. */
class KlinesReplayTest {

    static final Market BTC = Markets.standard().find("BTCUSDT");
    static final Market ETH = Markets.standard().find("ETHUSDT");
    static final long START = Instant.parse("2024-01-01T00:00:00Z").toEpochMilli();

    @TempDir
    Path dir;

    @Test
    void minuteCandlesComeBackAsRecordedAndLoop() throws IOException {
        KlinesReplay replay = replay(file(false, "", START, 60_000, 100, 110, 95, 105, 105, 108, 104, 106, 106, 107, 90, 92));
        Instant now = Instant.ofEpochMilli(START + 3 * 60_000 + 30_000);
        List<Candle> candles = replay.candles(BTC, Interval.MINUTE, Instant.ofEpochMilli(START), now, 10, now);
        assertThat(candles).hasSize(4);
        assertThat(candles.get(0).open()).isEqualByComparingTo("100");
        assertThat(candles.get(0).high()).isEqualByComparingTo("110");
        assertThat(candles.get(0).low()).isEqualByComparingTo("95");
        assertThat(candles.get(0).close()).isEqualByComparingTo("105");
        assertThat(candles.get(2).low()).isEqualByComparingTo("90");
        assertThat(candles.get(3).open()).as("the file loops: the fourth minute is the first again").isEqualByComparingTo("100");
        Instant later = Instant.ofEpochMilli(START + 3 * 60_000 * 7 + 10_000);
        assertThat(replay.price(BTC, later)).isEqualTo(replay.price(BTC, Instant.ofEpochMilli(START + 10_000)));
    }

    @Test
    void secondsFollowThePathThroughEachCandleAndTheRangeHoldsItsExtremes() throws IOException {
        KlinesReplay replay = replay(file(true, "open_time,open,high,low,close,volume,close_time\n", START, 60_000,
                100, 110, 95, 105, 105, 108, 104, 106));
        Instant now = Instant.ofEpochMilli(START + 120_000);
        List<Candle> seconds = replay.candles(BTC, Interval.SECOND, Instant.ofEpochMilli(START), Instant.ofEpochMilli(START + 59_000), 100, now);
        assertThat(seconds).hasSize(60);
        assertThat(seconds.get(0).open()).isEqualByComparingTo("100");
        assertThat(seconds.stream().map(Candle::low).min(Comparable::compareTo).orElseThrow()).isEqualByComparingTo("95");
        assertThat(seconds.stream().map(Candle::high).max(Comparable::compareTo).orElseThrow()).isEqualByComparingTo("110");
        assertThat(seconds.get(59).close()).isEqualByComparingTo("105");
        Candle range = replay.range(BTC, Instant.ofEpochMilli(START + 15_000), Instant.ofEpochMilli(START + 25_000));
        assertThat(range.low()).as("the low at a third of the candle").isEqualByComparingTo("95");
    }

    @Test
    void marketsWithoutAFileKeepTheSyntheticFeed() throws IOException {
        KlinesReplay replay = replay(file(false, "", START, 60_000, 100, 110, 95, 105, 105, 108, 104, 106));
        Instant at = Instant.parse("2026-12-07T10:00:00Z");
        assertThat(replay.price(ETH, at)).isEqualTo(new SyntheticMarket(42).price(ETH, at));
    }

    @Test
    void aFileThatIsNotKlinesIsRefusedAtStart() throws IOException {
        Path uneven = dir.resolve("uneven.csv");
        Files.writeString(uneven, START + ",1,1,1,1,1\n" + (START + 60_000) + ",1,1,1,1,1\n" + (START + 90_000) + ",1,1,1,1,1\n");
        assertThatThrownBy(() -> new KlinesReplay(Map.of("BTCUSDT", uneven), new SyntheticMarket(1)))
                .hasMessageContaining("evenly spaced");
        Path words = dir.resolve("words.csv");
        Files.writeString(words, START + ",a,b,c,d,e\n");
        assertThatThrownBy(() -> new KlinesReplay(Map.of("BTCUSDT", words), new SyntheticMarket(1)))
                .hasMessageContaining("not a number");
    }

    private KlinesReplay replay(Path file) {
        return new KlinesReplay(Map.of("BTCUSDT", file), new SyntheticMarket(42));
    }

    /** Rows of open, high, low, close; microsecond times when {@code micros}, as Binance's newer spot files have. */
    private Path file(boolean micros, String header, long start, long length, double... ohlc) throws IOException {
        StringBuilder csv = new StringBuilder(header);
        for (int i = 0; i < ohlc.length / 4; i++) {
            long open = start + i * length;
            long time = micros ? open * 1000 : open;
            csv.append(time).append(',').append(ohlc[4 * i]).append(',').append(ohlc[4 * i + 1]).append(',')
                    .append(ohlc[4 * i + 2]).append(',').append(ohlc[4 * i + 3]).append(",12.5,")
                    .append(micros ? (open + length - 1) * 1000 : open + length - 1).append(",1300.0,42,6.1,640.2,0\n");
        }
        Path file = dir.resolve("BTCUSDT-" + (micros ? "us" : "ms") + ".csv");
        Files.writeString(file, csv);
        return file;
    }
}
