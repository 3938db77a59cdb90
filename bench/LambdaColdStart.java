import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.springframework.cloud.function.adapter.aws.FunctionInvoker;

/**
 * A Lambda cold start as the Lambda runtime makes one: a fresh JVM builds the handler
 * (FunctionInvoker("httpApi"), which starts the Spring application) and handles its first request, the API
 * Gateway HTTP API event for GET /.well-known/jwks.json. Prints "RESULT lambda <ms from JVM start> <status>".
 * Compiled once by bench/coldstart, run with the Lambda jar on the class path.
 */
public class LambdaColdStart {

    public static void main(String[] args) throws Exception {
        Instant jvmStart = ProcessHandle.current().info().startInstant().orElseThrow();
        String event = "{\"version\":\"2.0\",\"routeKey\":\"$default\",\"rawPath\":\"/.well-known/jwks.json\","
                + "\"rawQueryString\":\"\",\"headers\":{\"accept\":\"application/json\"},\"requestContext\":{\"http\":"
                + "{\"method\":\"GET\",\"path\":\"/.well-known/jwks.json\",\"protocol\":\"HTTP/1.1\"},\"requestId\":\"r\","
                + "\"routeKey\":\"$default\",\"stage\":\"$default\"},\"isBase64Encoded\":false}";
        var handler = new FunctionInvoker("httpApi");
        var out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, null);
        long ms = Duration.between(jvmStart, Instant.now()).toMillis();
        String answer = out.toString(StandardCharsets.UTF_8);
        String status = answer.replaceAll("(?s).*\"statusCode\"\\s*:\\s*(\\d+).*", "$1");
        System.out.println("RESULT lambda " + ms + " " + status);
        System.exit(status.equals("200") ? 0 : 1);
    }
}
