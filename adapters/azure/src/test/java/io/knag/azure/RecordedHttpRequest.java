package io.knag.azure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.azure.functions.HttpMethod;
import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.HttpResponseMessage;
import com.microsoft.azure.functions.HttpStatus;
import com.microsoft.azure.functions.HttpStatusType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An HttpTrigger request as the Java worker hands it over ({@code dataType = "binary"}), made from the recorded
 * template events/http-request.json with another method, path, bearer token and body; its response builder
 * keeps what the function answered.
 */
final class RecordedHttpRequest implements HttpRequestMessage<Optional<byte[]>> {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpMethod method;
    private final URI uri;
    private final Map<String, String> headers;
    private final byte[] body;

    private RecordedHttpRequest(HttpMethod method, URI uri, Map<String, String> headers, byte[] body) {
        this.method = method;
        this.uri = uri;
        this.headers = headers;
        this.body = body;
    }

    static RecordedHttpRequest of(String method, String pathAndQuery, String bearer, String jsonBody) {
        JsonNode template = template();
        URI recorded = URI.create(template.get("url").asText());
        Map<String, String> headers = new LinkedHashMap<>();
        template.get("headers").fields().forEachRemaining(h -> headers.put(h.getKey(), h.getValue().asText()));
        headers.put("x-original-url", pathAndQuery);
        headers.put("x-waws-unencoded-url", pathAndQuery);
        if (bearer != null) {
            headers.put("authorization", "Bearer " + bearer);
        }
        byte[] body = jsonBody == null ? null : jsonBody.getBytes(StandardCharsets.UTF_8);
        if (body != null) {
            headers.put("content-type", "application/json");
            headers.put("content-length", Integer.toString(body.length));
        }
        return new RecordedHttpRequest(HttpMethod.value(method), recorded.resolve(pathAndQuery), headers, body);
    }

    private static JsonNode template() {
        try (InputStream in = RecordedHttpRequest.class.getResourceAsStream("/events/http-request.json")) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public URI getUri() {
        return uri;
    }

    @Override
    public HttpMethod getHttpMethod() {
        return method;
    }

    @Override
    public Map<String, String> getHeaders() {
        return headers;
    }

    @Override
    public Map<String, String> getQueryParameters() {
        Map<String, String> query = new LinkedHashMap<>();
        if (uri.getQuery() != null) {
            Arrays.stream(uri.getQuery().split("&")).map(p -> p.split("=", 2))
                    .forEach(p -> query.put(p[0], p.length > 1 ? p[1] : ""));
        }
        return query;
    }

    @Override
    public Optional<byte[]> getBody() {
        return Optional.ofNullable(body);
    }

    @Override
    public HttpResponseMessage.Builder createResponseBuilder(HttpStatus status) {
        return new Answer(status);
    }

    @Override
    public HttpResponseMessage.Builder createResponseBuilder(HttpStatusType status) {
        return new Answer(status);
    }

    /** What the function answered, as the worker would send it back to the Functions host. */
    static final class Answer implements HttpResponseMessage, HttpResponseMessage.Builder {

        private HttpStatusType status;
        private final Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        private Object body;

        Answer(HttpStatusType status) {
            this.status = status;
        }

        @Override
        public Builder status(HttpStatusType status) {
            this.status = status;
            return this;
        }

        @Override
        public Builder header(String key, String value) {
            headers.put(key, value);
            return this;
        }

        @Override
        public Builder body(Object body) {
            this.body = body;
            return this;
        }

        @Override
        public HttpResponseMessage build() {
            return this;
        }

        @Override
        public HttpStatusType getStatus() {
            return status;
        }

        @Override
        public String getHeader(String key) {
            return headers.get(key);
        }

        @Override
        public Object getBody() {
            return body;
        }

        Map<String, String> headers() {
            return headers;
        }

        String text() {
            return body == null ? "" : new String((byte[]) body, StandardCharsets.UTF_8);
        }
    }
}
