package io.knag.kernel.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * The identity function's public keys, fetched from its JWKS URL (for a gateway or a function deployed
 * apart from identity). Only RS256 signing keys are kept; a failed fetch keeps the keys already known.
 */
public final class RemoteJwks implements PublicKeyDirectory {

    private static final Logger log = LoggerFactory.getLogger(RemoteJwks.class);
    private static final int MAX_BYTES = 64 * 1024;

    private final URI uri;
    private final HttpClient client;
    private volatile Map<String, RSAPublicKey> keys = Map.of();

    public RemoteJwks(URI uri) {
        this.uri = uri;
        this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    }

    @Override
    public Optional<RSAPublicKey> find(String kid) {
        return Optional.ofNullable(keys.get(kid));
    }

    @Override
    public Mono<Void> refresh() {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(3)).GET().build();
        return Mono.fromFuture(() -> client.sendAsync(request, HttpResponse.BodyHandlers.ofString()))
                .doOnNext(response -> {
                    if (response.statusCode() != 200 || response.body().length() > MAX_BYTES) {
                        log.warn("JWKS at {} answered {}", uri, response.statusCode());
                        return;
                    }
                    Map<String, RSAPublicKey> parsed = parse(response.body());
                    if (parsed != null) {
                        keys = parsed;
                        log.info("JWKS at {} holds {} signing keys", uri, parsed.size());
                    }
                })
                .onErrorResume(e -> {
                    log.warn("JWKS at {} not reachable: {}", uri, e.toString());
                    return Mono.empty();
                })
                .then();
    }

    private static Map<String, RSAPublicKey> parse(String json) {
        try {
            Map<String, RSAPublicKey> parsed = new HashMap<>();
            for (JWK jwk : JWKSet.parse(json).getKeys()) {
                if (jwk instanceof RSAKey rsa && jwk.getKeyID() != null && !jwk.isPrivate()) {
                    parsed.put(jwk.getKeyID(), rsa.toRSAPublicKey());
                }
            }
            return Map.copyOf(parsed);
        } catch (ParseException | JOSEException e) {
            log.warn("JWKS could not be parsed: {}", e.getMessage());
            return null;
        }
    }
}
