package io.knag.cloudevents;

import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.util.retry.Retry;

/**
 * How an event sent over HTTP to a broker or topic is retried: after a refused or failed connection, a timeout,
 * a 5xx or a 429, with exponential backoff from {@code firstBackoff} (at most 5 s apart) for {@code attempts} in
 * all; a 4xx is final. What still fails surfaces as the last failure itself.
 */
public final class Redelivery {

    private Redelivery() {
    }

    public static Retry backoff(int attempts, Duration firstBackoff) {
        return Retry.backoff(attempts - 1L, firstBackoff).maxBackoff(Duration.ofSeconds(5))
                .filter(Redelivery::retryable).onRetryExhaustedThrow((spec, signal) -> signal.failure());
    }

    static boolean retryable(Throwable error) {
        if (error instanceof WebClientResponseException response) {
            return response.getStatusCode().is5xxServerError() || response.getStatusCode().value() == 429;
        }
        return error instanceof WebClientRequestException || error instanceof TimeoutException;
    }
}
