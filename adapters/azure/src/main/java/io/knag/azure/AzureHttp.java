package io.knag.azure;

import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.HttpResponseMessage;
import com.microsoft.azure.functions.HttpStatus;
import com.microsoft.azure.functions.HttpStatusType;
import io.knag.http.InMemoryHttp;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Shapes only: an HttpTrigger's request to an {@link InMemoryHttp.Request}, and the answer back. */
final class AzureHttp {

    /** Set by the Functions host for the body it sends, never copied from ours. */
    private static final Set<String> HOST_HEADERS = Set.of("content-length", "transfer-encoding", "connection");

    private AzureHttp() {
    }

    static InMemoryHttp.Request request(HttpRequestMessage<Optional<byte[]>> request) {
        URI uri = request.getUri();
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        Map<String, List<String>> headers = new LinkedHashMap<>();
        request.getHeaders().forEach((name, value) -> headers.put(name, List.of(value)));
        byte[] body = request.getBody() == null ? new byte[0] : request.getBody().orElse(new byte[0]);
        return new InMemoryHttp.Request(request.getHttpMethod().name(), path, uri.getRawQuery(), headers, body);
    }

    static HttpResponseMessage response(HttpRequestMessage<?> request, InMemoryHttp.Response response) {
        HttpResponseMessage.Builder answer = request.createResponseBuilder(status(response.status()));
        response.headers().forEach((name, values) -> {
            if (!HOST_HEADERS.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                answer.header(name, String.join(", ", values));
            }
        });
        if (response.body().length > 0) {
            answer.body(response.body());
        }
        return answer.build();
    }

    private static HttpStatusType status(int code) {
        try {
            return HttpStatus.valueOf(code);
        } catch (IllegalArgumentException notNamed) {
            return HttpStatusType.custom(code);
        }
    }
}
