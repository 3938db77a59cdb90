package io.knag.paper.internal;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code knag.paper.*}: the key that seals paper API secrets at rest (base64 of 32 bytes; when absent, one derived
 * from {@code knag.identity.key-encryption-key} with HKDF, so the embedded default needs nothing more), how many
 * paper accounts a user may have, the fees and market-order slippage (fractions), the synthetic feed's seed, and
 * how often resting orders are checked against the market ({@code 0s}: only when asked, for hosts that do not
 * run between requests), and markets whose prices are replayed from recorded candles instead
 * ({@code knag.paper.replay[BTCUSDT]=/data/BTCUSDT-1m-2024-01.csv}, Binance's public klines CSV format).
 */
@ConfigurationProperties("knag.paper")
public record PaperProperties(
        String keyEncryptionKey,
        @DefaultValue("10") int maxAccounts,
        @DefaultValue("0.001") BigDecimal makerFee,
        @DefaultValue("0.001") BigDecimal takerFee,
        @DefaultValue("0.0005") BigDecimal slippage,
        @DefaultValue("42") long seed,
        @DefaultValue("1s") Duration settleEvery,
        Map<String, Path> replay) {

    public PaperProperties {
        if (maxAccounts < 1 || maxAccounts > 1000) {
            throw new IllegalArgumentException("knag.paper.max-accounts must be between 1 and 1000");
        }
        if (settleEvery.isNegative()) {
            throw new IllegalArgumentException("knag.paper.settle-every must not be negative");
        }
    }

    @Override
    public String toString() {
        return "PaperProperties[keyEncryptionKey=***, maxAccounts=" + maxAccounts + ", seed=" + seed + "]";
    }
}
