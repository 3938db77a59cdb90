package io.knag.aws;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.knag.http.InMemoryHttp;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * API Gateway HTTP API requests (payload format 2.0) as the HTTP requests the /api/v1 routes take, and their
 * answers back. Shapes only: no decision is made here.
 */
final class ApiGatewayMapping {

    private ApiGatewayMapping() {
    }

    /** Null when the event lacks what every payload 2.0 request has (a method and a path). */
    static InMemoryHttp.Request request(APIGatewayV2HTTPEvent event) {
        if (event == null || event.getRequestContext() == null || event.getRequestContext().getHttp() == null
                || event.getRequestContext().getHttp().getMethod() == null || event.getRawPath() == null) {
            return null;
        }
        Map<String, List<String>> headers = new HashMap<>();
        if (event.getHeaders() != null) {
            // Payload 2.0 joins repeated headers with commas; cookies come apart and are not used by the API.
            event.getHeaders().forEach((name, value) -> headers.put(name, List.of(value)));
        }
        byte[] body = event.getBody() == null ? new byte[0] : event.getIsBase64Encoded()
                ? Base64.getDecoder().decode(event.getBody()) : event.getBody().getBytes(StandardCharsets.UTF_8);
        return new InMemoryHttp.Request(event.getRequestContext().getHttp().getMethod(), event.getRawPath(),
                event.getRawQueryString(), headers, body);
    }

    static APIGatewayV2HTTPResponse response(InMemoryHttp.Response response) {
        Map<String, String> headers = new HashMap<>();
        response.headers().forEach((name, values) -> headers.put(name, String.join(",", values)));
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(response.status())
                .withHeaders(headers)
                .withBody(new String(response.body(), StandardCharsets.UTF_8))
                .withIsBase64Encoded(false)
                .build();
    }

    static APIGatewayV2HTTPResponse malformed() {
        return response(InMemoryHttp.problem(io.knag.kernel.ProblemType.MALFORMED_REQUEST,
                "Not an API Gateway HTTP API (payload 2.0) request"));
    }
}
