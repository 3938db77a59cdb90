package io.knag.paper.application;

/**
 * A request to a signed endpoint: the {@code X-MBX-APIKEY} header, the signed payload (the query string and the
 * form body, without the {@code signature} parameter), the signature, and the {@code timestamp} and
 * {@code recvWindow} parameters (milliseconds).
 */
public record SignedRequest(String apiKey, String payload, String signature, Long timestamp, Long recvWindow) {

    @Override
    public String toString() {
        return "SignedRequest[timestamp=" + timestamp + ", recvWindow=" + recvWindow + "]";
    }
}
