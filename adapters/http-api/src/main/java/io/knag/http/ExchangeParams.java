package io.knag.http;

import io.knag.paper.application.SignedRequest;
import io.knag.paper.domain.Rejection;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;
import reactor.core.publisher.Mono;

/**
 * The parameters of an exchange API request, from the query string and (for POST and DELETE) a form body, read
 * with the exchange API's rules: each at most once, every one of them used by the endpoint, values of the
 * expected shape. The signed payload is the query string followed by the body, as sent, without {@code signature}.
 */
final class ExchangeParams {

    static final String API_KEY_HEADER = "X-MBX-APIKEY";
    private static final Pattern DECIMAL = Pattern.compile("[0-9]{1,20}(\\.[0-9]{1,20})?");
    private static final Pattern NUMBER = Pattern.compile("-?[0-9]{1,19}");
    private static final Pattern SYMBOL = Pattern.compile("[A-Z0-9_.-]{1,20}");
    private static final Set<String> ALWAYS_ALLOWED = Set.of("timestamp", "recvWindow", "signature");

    private final Map<String, String> values;
    private final String payload;

    private ExchangeParams(Map<String, String> values, String payload) {
        this.values = values;
        this.payload = payload;
    }

    static Mono<ExchangeParams> read(ServerRequest request) {
        String query = request.uri().getRawQuery() == null ? "" : request.uri().getRawQuery();
        boolean hasBody = request.method() == HttpMethod.POST || request.method() == HttpMethod.DELETE
                || request.method() == HttpMethod.PUT;
        Mono<String> body = hasBody ? request.bodyToMono(String.class).defaultIfEmpty("") : Mono.just("");
        return body.map(form -> {
            if (!form.isEmpty() && request.headers().contentType()
                    .filter(MediaType.APPLICATION_FORM_URLENCODED::isCompatibleWith).isEmpty()) {
                throw Rejection.INVALID_PARAMETER.because(
                        "Send parameters in the query string or as an application/x-www-form-urlencoded body.");
            }
            Map<String, String> values = new HashMap<>();
            String signedQuery = parse(query, values);
            String signedBody = parse(form, values);
            return new ExchangeParams(values, signedQuery + signedBody);
        });
    }

    /** Adds the pairs of {@code encoded} to {@code values} and gives it back without its signature pair. */
    private static String parse(String encoded, Map<String, String> values) {
        if (encoded.isEmpty()) {
            return "";
        }
        StringBuilder signed = new StringBuilder(encoded.length());
        for (String pair : encoded.split("&", -1)) {
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            if (name.isEmpty()) {
                continue;
            }
            if (values.putIfAbsent(name, value) != null) {
                throw Rejection.TOO_MANY_PARAMETERS.because("Duplicate values for a parameter detected.");
            }
            if (!name.equals("signature")) {
                signed.append(signed.length() == 0 ? "" : "&").append(pair);
            }
        }
        return signed.toString();
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw Rejection.ILLEGAL_CHARS.because("Illegal characters found in a parameter.");
        }
    }

    /** Refuses a parameter the endpoint does not read (besides timestamp, recvWindow and signature). */
    ExchangeParams allow(String... names) {
        Set<String> allowed = new HashSet<>(Set.of(names));
        allowed.addAll(ALWAYS_ALLOWED);
        for (String name : values.keySet()) {
            if (!allowed.contains(name)) {
                throw Rejection.UNREAD_PARAMETERS.because("Not all sent parameters were read; read '" + (values.size() - 1)
                        + "' parameter(s) but was sent '" + values.size() + "'.");
            }
        }
        return this;
    }

    String text(String name) {
        String value = values.get(name);
        if (value != null && value.isEmpty()) {
            throw Rejection.MANDATORY_PARAM_EMPTY_OR_MALFORMED.because(
                    "Mandatory parameter '" + name + "' was not sent, was empty/null, or malformed.");
        }
        return value;
    }

    String symbol(String name) {
        String value = text(name);
        if (value != null && !SYMBOL.matcher(value).matches()) {
            throw Rejection.ILLEGAL_CHARS.because("Illegal characters found in parameter '" + name
                    + "'; legal range is '^[A-Z0-9-_.]{1,20}$'.");
        }
        return value;
    }

    String requiredSymbol() {
        String symbol = symbol("symbol");
        if (symbol == null) {
            throw Rejection.MANDATORY_PARAM_EMPTY_OR_MALFORMED.because(
                    "Mandatory parameter 'symbol' was not sent, was empty/null, or malformed.");
        }
        return symbol;
    }

    BigDecimal decimal(String name) {
        String value = text(name);
        if (value == null) {
            return null;
        }
        if (!DECIMAL.matcher(value).matches()) {
            throw Rejection.ILLEGAL_CHARS.because("Illegal characters found in parameter '" + name
                    + "'; legal range is '^([0-9]{1,20})(\\.[0-9]{1,20})?$'.");
        }
        return new BigDecimal(value);
    }

    Long number(String name) {
        String value = text(name);
        if (value == null) {
            return null;
        }
        if (!NUMBER.matcher(value).matches()) {
            throw Rejection.ILLEGAL_CHARS.because("Illegal characters found in parameter '" + name
                    + "'; legal range is '^[0-9]{1,20}$'.");
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw Rejection.INVALID_PARAMETER.because("Data sent for parameter '" + name + "' is not valid.");
        }
    }

    Integer count(String name) {
        Long value = number(name);
        if (value != null && (value < 0 || value > Integer.MAX_VALUE)) {
            throw Rejection.INVALID_PARAMETER.because("Data sent for parameter '" + name + "' is not valid.");
        }
        return value == null ? null : value.intValue();
    }

    <E extends Enum<E>> E choice(String name, Class<E> type, Rejection unknown, String message) {
        String value = text(name);
        if (value == null) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return constant;
            }
        }
        throw unknown.because(message);
    }

    SignedRequest signed(ServerRequest request) {
        return new SignedRequest(request.headers().firstHeader(API_KEY_HEADER), payload, values.get("signature"),
                number("timestamp"), number("recvWindow"));
    }
}
