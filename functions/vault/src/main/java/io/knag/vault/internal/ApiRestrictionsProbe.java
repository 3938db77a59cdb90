package io.knag.vault.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.knag.kernel.KnagException;
import io.knag.kernel.crypto.Hashes;
import io.knag.vault.application.KeyProbe;
import io.knag.vault.domain.VaultProblems;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * {@link KeyProbe} through Binance's {@code GET /sapi/v1/account/apiRestrictions} (HMAC-signed with the key
 * itself), which the paper exchange answers too: one base URL per broker that can say what its keys may do.
 * Logs the broker and the outcome, never the key.
 */
final class ApiRestrictionsProbe implements KeyProbe {

    private static final Logger log = LoggerFactory.getLogger(ApiRestrictionsProbe.class);
    private static final Set<Integer> KEY_REFUSED = Set.of(-2008, -2014, -2015, -1022, -1002);
    private static final ObjectMapper json = new ObjectMapper();

    private final Map<String, Supplier<String>> baseUrls;
    private final HttpClient http;
    private final Duration timeout;
    private final Clock clock;

    ApiRestrictionsProbe(Map<String, Supplier<String>> baseUrls, Duration timeout, Clock clock) {
        this.baseUrls = Map.copyOf(baseUrls);
        this.timeout = timeout;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public Mono<Void> check(String broker, Map<String, String> secrets) {
        Supplier<String> base = baseUrls.get(broker);
        if (base == null || secrets.get("apiKey") == null || secrets.get("apiSecret") == null) {
            return Mono.empty();
        }
        return Mono.defer(() -> Mono.fromCompletionStage(http.sendAsync(request(base.get(), secrets),
                        HttpResponse.BodyHandlers.ofString())))
                .onErrorMap(e -> !(e instanceof KnagException), e -> unreachable(broker, e))
                .flatMap(answer -> verdict(broker, answer));
    }

    private HttpRequest request(String base, Map<String, String> secrets) {
        String query = "recvWindow=10000&timestamp=" + clock.millis();
        return HttpRequest.newBuilder(URI.create(base + "/sapi/v1/account/apiRestrictions?" + query + "&signature="
                        + sign(query, secrets.get("apiSecret"))))
                .header("X-MBX-APIKEY", secrets.get("apiKey")).timeout(timeout).GET().build();
    }

    private Mono<Void> verdict(String broker, HttpResponse<String> answer) {
        JsonNode body = parse(answer.body());
        int status = answer.statusCode();
        if (status == 200 && body.isObject()) {
            if (body.path("enableWithdrawals").asBoolean(false)) {
                log.info("a {} key was refused: it can withdraw", broker);
                return Mono.error(new KnagException(VaultProblems.WITHDRAWAL_ENABLED, "This " + broker
                        + " key may withdraw funds; a bot never needs that. Make a key without withdrawal permission"));
            }
            return Mono.empty();
        }
        if (status == 401 || status == 403 || KEY_REFUSED.contains(body.path("code").asInt(0))) {
            log.info("a {} key was refused by {}: code {}", broker, broker, body.path("code").asInt(0));
            return Mono.error(new KnagException(VaultProblems.CREDENTIAL_REJECTED, broker + " does not accept this key ("
                    + body.path("code").asInt(status) + "); check that it is whole, enabled and not restricted to other addresses"));
        }
        if (status == 429 || status == 418 || status >= 500) {
            log.warn("{} could not check a key: HTTP {}", broker, status);
            return Mono.error(new KnagException(VaultProblems.BROKER_UNAVAILABLE, broker
                    + " is busy or down and could not check the key; nothing was stored, try again later", List.of(),
                    Duration.ofSeconds(30)));
        }
        log.warn("{} answered a key check with HTTP {} code {}", broker, status, body.path("code").asInt(0));
        return Mono.error(new KnagException(VaultProblems.BROKER_ERROR, broker + " answered the key check with an error ("
                + status + "); nothing was stored"));
    }

    private static KnagException unreachable(String broker, Throwable e) {
        log.warn("{} could not be reached to check a key: {}", broker, e.getClass().getSimpleName());
        return new KnagException(VaultProblems.BROKER_UNAVAILABLE, broker + " could not be reached to check the key;"
                + " nothing was stored, try again later", List.of(), Duration.ofSeconds(30));
    }

    private static JsonNode parse(String body) {
        try {
            return body == null || body.isEmpty() ? json.createObjectNode() : json.readTree(body);
        } catch (IOException e) {
            return json.createObjectNode();
        }
    }

    private static String sign(String payload, String secret) {
        byte[] key = secret.getBytes(StandardCharsets.UTF_8);
        try {
            return HexFormat.of().formatHex(Hashes.hmacSha256(key, payload.getBytes(StandardCharsets.US_ASCII)));
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }
}
