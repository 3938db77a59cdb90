package io.knag.azure;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.HttpMethod;
import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.HttpResponseMessage;
import com.microsoft.azure.functions.annotation.AuthorizationLevel;
import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.azure.functions.annotation.HttpTrigger;
import io.knag.http.InMemoryHttp;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Every HTTP request to the Function App ({@code routePrefix} is empty in host.json, so paths arrive as the API
 * names them: /api/v1/..., /.well-known/jwks.json) goes to the same routes, token checks and problem+json
 * answers as on the Knative host. Authorization is the API's own bearer token, hence anonymous at the trigger.
 */
@Component
public class HttpApi {

    private final InMemoryHttp http;

    HttpApi(InMemoryHttp http) {
        this.http = http;
    }

    @FunctionName("httpApi")
    public HttpResponseMessage run(
            @HttpTrigger(name = "request", dataType = "binary", route = "{*path}", authLevel = AuthorizationLevel.ANONYMOUS,
                    methods = {HttpMethod.GET, HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE})
            HttpRequestMessage<Optional<byte[]>> request,
            ExecutionContext context) {
        return AzureHttp.response(request, http.handle(AzureHttp.request(request)).block());
    }
}
