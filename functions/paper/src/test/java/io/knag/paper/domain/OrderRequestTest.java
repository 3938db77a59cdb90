package io.knag.paper.domain;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OrderRequestTest {

    static Stream<Arguments> refused() {
        BigDecimal one = BigDecimal.ONE;
        return Stream.of(
                Arguments.of(new Object[] {null, Side.BUY, OrderType.MARKET, null, one, null, null, null}, -1102, "'symbol'"),
                Arguments.of(new Object[] {"BTCUSDT", null, OrderType.MARKET, null, one, null, null, null}, -1102, "'side'"),
                Arguments.of(new Object[] {"BTCUSDT", Side.BUY, null, null, one, null, null, null}, -1102, "'type'"),
                Arguments.of(new Object[] {"BTCUSDT", Side.BUY, OrderType.MARKET, null, null, null, null, null}, -1102, "'quantity'"),
                Arguments.of(new Object[] {"BTCUSDT", Side.BUY, OrderType.MARKET, null, one, one, null, null}, -1106, "'quoteOrderQty'"),
                Arguments.of(new Object[] {"BTCUSDT", Side.BUY, OrderType.MARKET, null, one, null, one, null}, -1106, "'price'"),
                Arguments.of(new Object[] {"BTCUSDT", Side.BUY, OrderType.MARKET, "GTC", one, null, null, null}, -1106, "'timeInForce'"),
                Arguments.of(new Object[] {"BTCUSDT", Side.BUY, OrderType.LIMIT, null, one, null, one, null}, -1102, "'timeInForce'"),
                Arguments.of(new Object[] {"BTCUSDT", Side.BUY, OrderType.LIMIT, "IOC", one, null, one, null}, -1115, "timeInForce"),
                Arguments.of(new Object[] {"BTCUSDT", Side.BUY, OrderType.LIMIT, "GTC", one, null, null, null}, -1102, "'price'"),
                Arguments.of(new Object[] {"BTCUSDT", Side.BUY, OrderType.LIMIT, "GTC", null, null, one, null}, -1102, "'quantity'"),
                Arguments.of(new Object[] {"BTCUSDT", Side.BUY, OrderType.LIMIT, "GTC", one, one, one, null}, -1106, "'quoteOrderQty'"),
                Arguments.of(new Object[] {"BTCUSDT", Side.BUY, OrderType.MARKET, null, new BigDecimal("0.000000001"), null, null, null},
                        -1111, "Precision"),
                Arguments.of(new Object[] {"BTCUSDT", Side.BUY, OrderType.MARKET, null, BigDecimal.ZERO, null, null, null},
                        -1013, "Invalid quantity"),
                Arguments.of(new Object[] {"BTCUSDT", Side.BUY, OrderType.MARKET, null, one, null, null, "no spaces"}, -1130,
                        "newClientOrderId"),
                Arguments.of(new Object[] {"BTCUSDT", Side.BUY, OrderType.MARKET, null, one, null, null, "x".repeat(37)}, -1130,
                        "newClientOrderId"));
    }

    @ParameterizedTest
    @MethodSource
    void refused(Object[] fields, int code, String message) {
        assertThatThrownBy(() -> new OrderRequest((String) fields[0], (Side) fields[1], (OrderType) fields[2],
                (String) fields[3], (BigDecimal) fields[4], (BigDecimal) fields[5], (BigDecimal) fields[6], (String) fields[7]))
                .isInstanceOfSatisfying(ExchangeRejected.class, e -> {
                    org.assertj.core.api.Assertions.assertThat(e.rejection().code()).isEqualTo(code);
                    org.assertj.core.api.Assertions.assertThat(e.getMessage()).contains(message);
                });
    }
}
