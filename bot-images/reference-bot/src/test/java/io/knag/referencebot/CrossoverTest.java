package io.knag.referencebot;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CrossoverTest {

    static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");

    final Crossover strategy = new Crossover(2, 4, Duration.ofMinutes(1), new BigDecimal("5"));

    @Test
    void aRiseThroughTheSlowAverageIsABuyAndAFallBackASell() {
        Crossover.Decision up = strategy.decide(closes(100, 100, 100, 100, 99, 104), false);
        assertThat(up.signal()).isEqualTo(Crossover.Signal.ENTER);
        assertThat(up.fast()).isEqualByComparingTo("101.5");
        assertThat(up.slow()).isEqualByComparingTo("100.75");
        strategy.entered(new BigDecimal("104"), BigDecimal.ONE);
        Crossover.Decision holding = strategy.decide(closes(100, 100, 100, 99, 104, 105), true);
        assertThat(holding.signal()).as(holding.toString()).isEqualTo(Crossover.Signal.NONE);
        Crossover.Decision down = strategy.decide(closes(100, 100, 99, 104, 105, 96), true);
        assertThat(down.signal()).isEqualTo(Crossover.Signal.EXIT);
        assertThat(down.why()).contains("crossed below");
    }

    @Test
    void aFallOfTheStopLossUnderTheEntryIsASellWithoutACross() {
        strategy.entered(new BigDecimal("100"), BigDecimal.ONE);
        Crossover.Decision stop = strategy.decide(closes(80, 85, 90, 95, 100, 94), true);
        assertThat(stop.signal()).isEqualTo(Crossover.Signal.EXIT);
        assertThat(stop.why()).contains("stop loss");
    }

    @Test
    void tooFewCandlesIsNoSignal() {
        assertThat(strategy.decide(closes(1, 2, 3), false).signal()).isEqualTo(Crossover.Signal.NONE);
    }

    private static List<Crossover.Close> closes(double... prices) {
        List<Crossover.Close> closes = new ArrayList<>();
        for (int i = 0; i < prices.length; i++) {
            closes.add(new Crossover.Close(T0.plusSeconds(60L * i), BigDecimal.valueOf(prices[i])));
        }
        return closes;
    }
}
