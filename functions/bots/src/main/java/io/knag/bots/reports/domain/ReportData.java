package io.knag.bots.reports.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads one report's data (a JSON object, as a map) field by field: only the fields its kind has, text of bounded
 * length, decimals as strings or numbers (at most 8 decimals, not negative), sides and types by their names.
 */
final class ReportData {

    private static final Pattern ID = Pattern.compile("[\\x21-\\x7e]{1,64}");
    private static final Pattern SYMBOL = Pattern.compile("[A-Z0-9]{2,20}");
    private static final Pattern ASSET = Pattern.compile("[A-Z0-9]{1,12}");
    private static final BigDecimal MOST = new BigDecimal("1000000000000000");

    private final Map<String, Object> data;

    ReportData(Map<String, Object> data, String... fields) {
        if (data == null) {
            throw new ReportRejected("the data must be a JSON object");
        }
        Set<String> unknown = new HashSet<>(data.keySet());
        unknown.removeAll(Set.of(fields));
        if (!unknown.isEmpty()) {
            throw new ReportRejected("unknown field(s): " + String.join(", ", unknown.stream().sorted().limit(5)
                    .map(name -> name.length() > 40 ? name.substring(0, 40) + "…" : name)
                    .map(name -> name.replaceAll("[^A-Za-z0-9_]", "?")).toList()));
        }
        this.data = data;
    }

    String text(String name, int maxLength, boolean required) {
        Object value = data.get(name);
        if (value == null) {
            if (required) {
                throw new ReportRejected(name + " is required");
            }
            return null;
        }
        if (!(value instanceof String text) || text.length() > maxLength || text.codePoints().anyMatch(Character::isISOControl)) {
            throw new ReportRejected(name + " must be text of at most " + maxLength + " characters");
        }
        return text;
    }

    String id(String name, boolean required) {
        Object value = data.get(name);
        if (value instanceof Number number && !(value instanceof Double) && !(value instanceof Float)) {
            return number.toString();
        }
        String text = text(name, 64, required);
        if (text != null && !ID.matcher(text).matches()) {
            throw new ReportRejected(name + " must be 1 to 64 printable characters without spaces");
        }
        return text;
    }

    String symbol(boolean required) {
        String symbol = text("symbol", 20, required);
        if (symbol != null && !SYMBOL.matcher(symbol).matches()) {
            throw new ReportRejected("symbol must be upper-case letters and digits, e.g. BTCUSDT");
        }
        return symbol;
    }

    String asset(String name, boolean required) {
        String asset = text(name, 12, required);
        if (asset != null && !ASSET.matcher(asset).matches()) {
            throw new ReportRejected(name + " must be an asset code, e.g. USDT");
        }
        return asset;
    }

    String choice(String name, Set<String> allowed, boolean required) {
        String value = text(name, 10, required);
        if (value != null && !allowed.contains(value)) {
            throw new ReportRejected(name + " must be one of " + String.join(", ", new java.util.TreeSet<>(allowed)));
        }
        return value;
    }

    BigDecimal decimal(String name, boolean required) {
        Object value = data.get(name);
        if (value == null) {
            if (required) {
                throw new ReportRejected(name + " is required");
            }
            return null;
        }
        BigDecimal decimal;
        try {
            decimal = value instanceof String text && text.length() <= 40 ? new BigDecimal(text)
                    : value instanceof Number number ? new BigDecimal(number.toString()) : null;
        } catch (NumberFormatException e) {
            decimal = null;
        }
        if (decimal == null || decimal.signum() < 0 || decimal.compareTo(MOST) > 0
                || decimal.stripTrailingZeros().scale() > 8) {
            throw new ReportRejected(name + " must be a decimal from 0 to 10^15 with at most 8 decimals");
        }
        return decimal.setScale(8, java.math.RoundingMode.UNNECESSARY);
    }

    Instant time(String name) {
        Object value = data.get(name);
        if (value == null) {
            return null;
        }
        try {
            return value instanceof Number number ? Instant.ofEpochMilli(number.longValue())
                    : Instant.parse(text(name, 40, false));
        } catch (DateTimeParseException | ArithmeticException e) {
            throw new ReportRejected(name + " must be an RFC 3339 time or epoch milliseconds");
        }
    }
}
