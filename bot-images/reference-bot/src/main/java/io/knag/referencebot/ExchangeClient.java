package io.knag.referencebot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A small client of Binance's spot REST API (what the paper exchange speaks): public GETs, and signed requests
 * with {@code X-MBX-APIKEY}, {@code timestamp} and an HMAC-SHA256 {@code signature} of the query string.
 */
final class ExchangeClient {

    private static final ObjectMapper json = new ObjectMapper();

    private final String base;
    private final String apiKey;
    private final SecretKeySpec secret;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    ExchangeClient(String base, String apiKey, String apiSecret) {
        this.base = base;
        this.apiKey = apiKey;
        this.secret = new SecretKeySpec(apiSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    JsonNode get(String path, Map<String, String> params) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path + query(params))).GET());
    }

    JsonNode signed(String method, String path, Map<String, String> params) throws IOException, InterruptedException {
        Map<String, String> all = new LinkedHashMap<>(params);
        all.put("timestamp", Long.toString(System.currentTimeMillis()));
        String query = query(all).substring(1);
        String uri = base + path + "?" + query + "&signature=" + sign(query);
        return send(HttpRequest.newBuilder(URI.create(uri)).header("X-MBX-APIKEY", apiKey)
                .method(method, HttpRequest.BodyPublishers.noBody()));
    }

    private JsonNode send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(request.timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode body = answer.body().isEmpty() ? json.createObjectNode() : json.readTree(answer.body());
        if (answer.statusCode() >= 400) {
            throw new ExchangeError(answer.statusCode(), body.path("code").asInt(0), body.path("msg").asText(answer.body()));
        }
        return body;
    }

    private String sign(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(secret);
            return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    private static String query(Map<String, String> params) {
        return params.isEmpty() ? "" : "?" + params.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** The exchange said no: its HTTP status, its code and its message (never a secret). */
    static final class ExchangeError extends IOException {

        final int status;
        final int code;

        ExchangeError(int status, int code, String message) {
            super("exchange answered " + status + " " + code + ": " + message);
            this.status = status;
            this.code = code;
        }
    }
}
