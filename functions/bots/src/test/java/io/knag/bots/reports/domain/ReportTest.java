package io.knag.bots.reports.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportTest {

    @Test
    void eachKindReadsItsFields() {
        assertThat(Report.of(ReportKind.HEARTBEAT, Map.of())).isEqualTo(new Report.Heartbeat(null));
        Report.OrderPlaced order = (Report.OrderPlaced) Report.of(ReportKind.ORDER_PLACED, Map.of("orderId", 42,
                "symbol", "BTCUSDT", "side", "BUY", "type", "LIMIT", "quantity", 0.5, "price", "100.1"));
        assertThat(order.orderId()).isEqualTo("42");
        assertThat(order.quantity()).isEqualByComparingTo("0.5");
        Report.EquityReported equity = (Report.EquityReported) Report.of(ReportKind.EQUITY_REPORTED,
                Map.of("equity", new BigDecimal("10000.12345678"), "asset", "USDT"));
        assertThat(equity.equity()).isEqualByComparingTo("10000.12345678");
        Report.TradeFilled trade = (Report.TradeFilled) Report.of(ReportKind.TRADE_FILLED, Map.of("tradeId", "7",
                "time", "2026-12-07T10:00:00Z"));
        assertThat(trade.time()).isEqualTo("2026-12-07T10:00:00Z");
        assertThatThrownBy(trade::complete).hasMessageContaining("symbol, side, price and quantity");
    }

    @Test
    void dataOutsideTheContractIsRefusedWithoutEchoingIt() {
        assertThatThrownBy(() -> Report.of(ReportKind.HEARTBEAT, Map.of("<script>", 1)))
                .hasMessage("unknown field(s): ?script?");
        assertThatThrownBy(() -> Report.of(ReportKind.EQUITY_REPORTED, Map.of("equity", "NaN", "asset", "USDT")))
                .hasMessageContaining("equity must be a decimal");
        assertThatThrownBy(() -> Report.of(ReportKind.EQUITY_REPORTED, Map.of("equity", "1e400", "asset", "USDT")))
                .hasMessageContaining("equity must be a decimal");
        assertThatThrownBy(() -> Report.of(ReportKind.EQUITY_REPORTED, Map.of("equity", "1", "asset", "usdt")))
                .hasMessageContaining("asset must be an asset code");
        assertThatThrownBy(() -> Report.of(ReportKind.ORDER_PLACED, Map.of("orderId", "has space", "symbol", "BTCUSDT",
                "side", "BUY", "type", "MARKET"))).hasMessageContaining("orderId");
        assertThatThrownBy(() -> Report.of(ReportKind.ORDER_PLACED, Map.of("orderId", 1.5, "symbol", "BTCUSDT",
                "side", "BUY", "type", "MARKET"))).hasMessageContaining("orderId");
        assertThatThrownBy(() -> Report.of(ReportKind.TRADE_FILLED, Map.of("tradeId", "1", "time", "yesterday")))
                .hasMessageContaining("time");
        assertThatThrownBy(() -> Report.of(ReportKind.HEARTBEAT, Map.of("status", "line\nbreak")))
                .hasMessageContaining("status");
        assertThatThrownBy(() -> Report.of(ReportKind.HEARTBEAT, null)).hasMessageContaining("JSON object");
    }
}
