package io.knag.paper.application;

import io.knag.paper.domain.PaperAccount;
import io.knag.paper.domain.Rejection;
import java.time.Clock;
import reactor.core.publisher.Mono;

/**
 * The signed-endpoint rules of the exchange API: a well-formed {@code X-MBX-APIKEY} of an existing account, a
 * {@code timestamp} within {@code recvWindow} (5 s unless sent, at most 60 s; at most 1 s ahead of the exchange),
 * and an HMAC-SHA256 signature of the payload under the account's secret.
 */
public final class SignedRequests {

    static final long DEFAULT_WINDOW = 5000;
    static final long LONGEST_WINDOW = 60000;
    static final long AHEAD = 1000;

    private final PaperStore store;
    private final ApiKeys keys;
    private final Clock clock;

    public SignedRequests(PaperStore store, ApiKeys keys, Clock clock) {
        this.store = store;
        this.keys = keys;
        this.clock = clock;
    }

    /** The account that signed the request. */
    public Mono<PaperAccount> account(SignedRequest request) {
        return Mono.fromRunnable(() -> checkShape(request))
                .then(Mono.defer(() -> store.accountByApiKey(request.apiKey())))
                .switchIfEmpty(Mono.error(() -> Rejection.REJECTED_API_KEY.because(
                        "Invalid API-key, IP, or permissions for action.")))
                .map(account -> {
                    if (!keys.verify(account.id(), account.sealedSecret(), request.payload(), request.signature())) {
                        throw Rejection.INVALID_SIGNATURE.because("Signature for this request is not valid.");
                    }
                    return account;
                });
    }

    private void checkShape(SignedRequest request) {
        if (!ApiKeys.wellFormed(request.apiKey())) {
            throw Rejection.BAD_API_KEY_FORMAT.because("API-key format invalid.");
        }
        if (request.signature() == null) {
            throw missing("signature");
        }
        if (request.timestamp() == null) {
            throw missing("timestamp");
        }
        long window = request.recvWindow() == null ? DEFAULT_WINDOW : request.recvWindow();
        if (window <= 0 || window > LONGEST_WINDOW) {
            throw Rejection.INVALID_PARAMETER.because("recvWindow must be less than 60000");
        }
        long now = clock.millis();
        if (request.timestamp() > now + AHEAD) {
            throw Rejection.INVALID_TIMESTAMP.because("Timestamp for this request was 1000ms ahead of the server's time.");
        }
        if (now - request.timestamp() > window) {
            throw Rejection.INVALID_TIMESTAMP.because("Timestamp for this request is outside of the recvWindow.");
        }
    }

    private static RuntimeException missing(String name) {
        return Rejection.MANDATORY_PARAM_EMPTY_OR_MALFORMED.because(
                "Mandatory parameter '" + name + "' was not sent, was empty/null, or malformed.");
    }
}
