package io.knag.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.File;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import io.knag.kernel.testing.RawHttp;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The gateway in front of the real function host (its packaged jar, as its own process), spoken to over
 * TLS with the self-signed certificate it made. A tiny echo upstream on /api/v1/echo/** shows exactly what
 * reaches a function: which requests, and with which identity header.
 */
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class GatewayIT {

    static Path data;
    static Process host;
    static ConfigurableApplicationContext gateway;
    static HttpServer echo;
    static final AtomicInteger echoed = new AtomicInteger();
    static final AtomicReference<String> echoedUser = new AtomicReference<>();
    static final AtomicReference<String> echoedTraceparent = new AtomicReference<>();
    static int hostPort;
    static int httpsPort;
    static int httpPort;
    static HttpClient client;
    static SSLContext tls;

    @BeforeAll
    static void start() throws Exception {
        data = Files.createTempDirectory("knag-gateway-it");
        hostPort = TestSupport.freePort();
        host = startHost(hostPort);
        echo = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        echo.createContext("/", exchange -> {
            echoed.incrementAndGet();
            echoedUser.set(exchange.getRequestHeaders().getFirst("X-Knag-User"));
            echoedTraceparent.set(exchange.getRequestHeaders().getFirst("traceparent"));
            byte[] body = "echo".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        echo.start();
        Path keystore = data.resolve("gateway/tls.p12");
        SelfSignedCertificate.ensure(keystore, "it-password".toCharArray());
        httpsPort = TestSupport.freePort();
        httpPort = TestSupport.freePort();
        awaitHost(hostPort);
        // Command-line arguments: they outrank application.yml, as an operator's settings do.
        gateway = new SpringApplicationBuilder(KnagGateway.class, EchoRoute.class).run(
                "--server.port=" + httpsPort,
                "--spring.ssl.bundle.jks.knag.keystore.location=file:" + keystore,
                "--spring.ssl.bundle.jks.knag.keystore.password=it-password",
                "--server.ssl.bundle=knag",
                "--knag.gateway.upstream=http://127.0.0.1:" + hostPort,
                "--knag.gateway.jwks=http://127.0.0.1:" + hostPort + "/.well-known/jwks.json",
                "--knag.gateway.http-port=" + httpPort,
                "--knag.gateway.per-ip=16",
                "--knag.http.read-timeout=2s",
                "--test.echo.uri=http://127.0.0.1:" + echo.getAddress().getPort());
        tls = TestSupport.trusting(keystore, "it-password".toCharArray());
        client = HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(2)).build();
    }

    @AfterAll
    static void stop() throws Exception {
        if (gateway != null) {
            gateway.close();
        }
        if (echo != null) {
            echo.stop(0);
        }
        if (host != null) {
            host.destroy();
            host.waitFor(60, TimeUnit.SECONDS);
        }
    }

    @Test
    void theJourneyWorksThroughTheGatewayOverTls() throws Exception {
        String token = tokenFor("journey@example.com");
        HttpResponse<String> me = send(get("/api/v1/users/me").header("Authorization", "Bearer " + token));
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("journey@example.com");
        assertThat(me.headers().firstValue("Strict-Transport-Security")).contains("max-age=31536000");
        assertThat(me.headers().firstValue("Content-Security-Policy")).isPresent();
        assertThat(me.headers().firstValue("RateLimit-Remaining")).isPresent();
    }

    @Test
    void aForgedIdentityHeaderIsReplacedByTheVerifiedOne() throws Exception {
        String token = tokenFor("honest@example.com");
        String victim = "00000000-0000-0000-0000-000000000001";
        HttpResponse<String> withToken = send(get("/api/v1/echo/me").header("Authorization", "Bearer " + token)
                .header("X-Knag-User", victim));
        assertThat(withToken.statusCode()).isEqualTo(200);
        assertThat(echoedUser.get()).isNotEqualTo(victim).matches("[0-9a-f-]{36}");
    }

    @Test
    void badTokensNeverReachAFunction() throws Exception {
        String token = tokenFor("attacker@example.com");
        String[] parts = token.split("\\.");
        String none = Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"alg\":\"none\",\"typ\":\"at+jwt\",\"kid\":\"x\"}".getBytes(StandardCharsets.UTF_8)) + "." + parts[1] + ".";
        String tampered = parts[0] + "." + parts[1].substring(0, parts[1].length() - 2) + "AA." + parts[2];
        int before = echoed.get();
        for (String bad : new String[] {none, tampered, "not.a.token", parts[0] + "." + parts[1] + ".c2lnbmF0dXJl"}) {
            HttpResponse<String> answer = send(get("/api/v1/echo/x").header("Authorization", "Bearer " + bad)
                    .header("X-Knag-User", "00000000-0000-0000-0000-000000000001"));
            assertThat(answer.statusCode()).isEqualTo(401);
            assertThat(answer.headers().firstValue("Content-Type")).contains("application/problem+json");
            assertThat(answer.body()).contains("https://knag.io/problems/invalid-token");
        }
        HttpResponse<String> none2 = send(get("/api/v1/echo/x"));
        assertThat(none2.statusCode()).isEqualTo(401);
        assertThat(none2.body()).contains("authentication-required");
        assertThat(echoed.get()).as("no rejected request reached the upstream").isEqualTo(before);

        double hostBefore = hostRequests("/api/v1/users/me");
        for (String bad : new String[] {none, tampered, "not.a.token", ""}) {
            HttpResponse<String> answer = send(get("/api/v1/users/me").header("Authorization", "Bearer " + bad));
            assertThat(answer.statusCode()).isEqualTo(401);
        }
        assertThat(hostRequests("/api/v1/users/me")).as("no rejected request reached the function host")
                .isEqualTo(hostBefore);
    }

    @Test
    void browsersMayCallOnlyFromTheWebUiOrigin() throws Exception {
        HttpResponse<String> allowed = send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/users/me"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", "https://localhost:8443")
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization"));
        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).contains("https://localhost:8443");
        HttpResponse<String> refused = send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/users/me"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "GET"));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(refused.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(refused.body()).contains("https://knag.io/problems/origin-not-allowed");
        assertThat(refused.headers().firstValue("Strict-Transport-Security")).contains("max-age=31536000");
        HttpResponse<String> refusedCall = send(get("/api/v1/vault/brokers").header("Origin", "https://evil.example"));
        assertThat(refusedCall.statusCode()).isEqualTo(403);
        assertThat(refusedCall.body()).contains("origin-not-allowed");
        HttpResponse<String> allowedCall = send(get("/api/v1/vault/brokers").header("Origin", "https://localhost:8443"));
        assertThat(allowedCall.statusCode()).isEqualTo(200);
        assertThat(allowedCall.headers().firstValue("Access-Control-Allow-Origin")).contains("https://localhost:8443");
    }

    @Test
    void proxiedAnswersCarryEachSecurityHeaderOnce() throws Exception {
        String token = tokenFor("headers@example.com");
        for (HttpResponse<String> answer : java.util.List.of(
                send(get("/api/v1/users/me").header("Authorization", "Bearer " + token)),
                send(get("/api/v1/vault/brokers")), send(get("/api/v1/vault/brokers")),
                send(get("/api/v1/nothing").header("Authorization", "Bearer " + token)))) {
            for (String name : new String[] {"X-Content-Type-Options", "Strict-Transport-Security", "X-Frame-Options",
                    "Referrer-Policy", "Content-Security-Policy", "Cache-Control"}) {
                assertThat(answer.headers().allValues(name)).as(answer.uri() + " " + name).hasSize(1);
            }
        }
    }

    @Test
    void theWebApplicationIsServedAtTheRootWithItsOwnPolicyAndCaching() throws Exception {
        String browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
        HttpResponse<String> page = send(get("/").header("Accept", browser));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-cache");
        assertThat(page.headers().allValues("Content-Security-Policy")).singleElement().asString()
                .contains("script-src 'self'").contains("connect-src 'self'").contains("frame-ancestors 'none'")
                .doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
        assertThat(page.body()).contains("<div id=\"root\">").doesNotContain("<script>");

        java.util.regex.Matcher script = java.util.regex.Pattern.compile("src=\"(/assets/[^\"]+\\.js)\"").matcher(page.body());
        assertThat(script.find()).as("index.html names its script").isTrue();
        HttpResponse<String> code = send(get(script.group(1)));
        assertThat(code.statusCode()).isEqualTo(200);
        assertThat(code.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("javascript"));
        assertThat(code.headers().firstValue("Cache-Control")).hasValueSatisfying(caching -> assertThat(caching)
                .contains("max-age=31536000").contains("public").contains("immutable"));

        HttpResponse<String> deepLink = send(get("/bots/01900000-0000-7000-8000-000000000000").header("Accept", browser));
        assertThat(deepLink.statusCode()).as("a page the application routes itself").isEqualTo(200);
        assertThat(deepLink.body()).isEqualTo(page.body());

        HttpResponse<String> api = send(get("/api/v1/users/me").header("Accept", browser));
        assertThat(api.statusCode()).as("the API is never a page").isEqualTo(401);
        assertThat(api.headers().firstValue("Content-Security-Policy")).hasValue("default-src 'none'; frame-ancestors 'none'");
        HttpResponse<String> missing = send(get("/assets/index-missing.js"));
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("https://knag.io/problems/not-found");
        assertThat(send(get("/nothing/here").header("Accept", "application/json")).statusCode())
                .as("only a browser asking for a page gets one").isEqualTo(404);
    }

    @Test
    void theRequestsHostHeaderIsNeverReflected() throws Exception {
        try (RawHttp plain = RawHttp.plain(httpPort)) {
            RawHttp.Answer redirect = plain.send("GET /api/v1/users/me?x=1 HTTP/1.1\r\nHost: evil.example:8443\r\n\r\n")
                    .answer();
            assertThat(redirect.status()).isEqualTo(308);
            assertThat(redirect.header("Location")).isEqualTo("https://localhost:" + httpsPort + "/api/v1/users/me?x=1");
        }
        for (String path : new String[] {"/actuator", "/actuator/health"}) {
            try (RawHttp https = RawHttp.tls(tls, httpsPort)) {
                RawHttp.Answer answer = https.send("GET " + path + " HTTP/1.1\r\nHost: evil.example\r\n"
                        + "Connection: close\r\n\r\n").answer();
                assertThat(answer.body()).as(path).doesNotContain("evil.example");
            }
        }
    }

    @Test
    void whatNettyRefusesIsAProblemWithTheGatewaysHeadersAndSlowRequestsTimeOut() throws Exception {
        String[][] cases = {
            {"GET /api/v1/vault/brokers HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "x".repeat(9_000) + "\r\n\r\n", "431",
                "headers-too-large"},
            {"GET /api/v1/bots/" + "a".repeat(5_000) + " HTTP/1.1\r\nHost: localhost\r\n\r\n", "414", "uri-too-long"},
            {"POST /api/v1/auth/login HTTP/1.1\r\nHost: localhost\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}",
                "400", "malformed-http"},
            {"POST /api/v1/auth/login HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n",
                "400", "malformed-http"},
            {"GET /api/v1\\vault/brokers HTTP/1.1\r\nHost: localhost\r\n\r\n", "400", "path-not-normal"}};
        for (String[] c : cases) {
            try (RawHttp https = RawHttp.tls(tls, httpsPort)) {
                RawHttp.Answer answer = https.send(c[0]).answer();
                assertThat(answer.status()).as(c[2]).isEqualTo(Integer.parseInt(c[1]));
                assertThat(answer.header("Content-Type")).as(c[2]).isEqualTo("application/problem+json");
                assertThat(answer.body()).as(c[2]).contains("https://knag.io/problems/" + c[2]);
                assertThat(answer.header("Strict-Transport-Security")).as(c[2]).isEqualTo("max-age=31536000");
                assertThat(answer.headers("X-Content-Type-Options")).as(c[2]).containsExactly("nosniff");
            }
        }
        try (RawHttp https = RawHttp.tls(tls, httpsPort)) {
            long started = System.nanoTime();
            https.send("GET /api/v1/vault/brokers HTTP/1.1\r\n").trickle("X-Slow: " + "s".repeat(60) + "\r\n\r\n",
                    Duration.ofMillis(100));
            RawHttp.Answer answer = https.answer();
            assertThat(answer.status()).isEqualTo(408);
            assertThat(answer.body()).contains("request-timeout");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(6));
        }
    }

    @Test
    void theTraceContinuesToTheFunctionAndIsLoggedWithoutSecrets() throws Exception {
        var logger = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("io.knag.gateway.access");
        var lines = new ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent>();
        lines.start();
        logger.addAppender(lines);
        try {
            String token = tokenFor("traced@example.com");
            String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
            HttpResponse<String> answer = send(get("/api/v1/echo/traced?secret=query-marker")
                    .header("Authorization", "Bearer " + token)
                    .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01"));
            assertThat(answer.headers().firstValue("X-Request-Id")).contains(traceId);
            assertThat(echoedTraceparent.get()).startsWith("00-" + traceId + "-").endsWith("-01");
            assertThat(lines.list).anySatisfy(line -> assertThat(line.getFormattedMessage())
                    .contains("GET /api/v1/echo/traced 200").contains("trace=" + traceId));
            assertThat(lines.list).allSatisfy(line -> assertThat(line.getFormattedMessage())
                    .doesNotContain(token).doesNotContain("query-marker").doesNotContain("a long passphrase"));
            HttpResponse<String> fresh = send(get("/api/v1/openapi.yaml"));
            assertThat(fresh.headers().firstValue("X-Request-Id").orElseThrow()).matches("[0-9a-f]{32}");
        } finally {
            logger.detachAppender(lines);
        }
    }

    @Test
    void mediaTypeHeadersThatDoNotParseAreRefusedAtTheGatewayAsProblems() throws Exception {
        int before = echoed.get();
        for (String contentType : new String[] {"application/json, text/plain", "application/json;charset=bogus",
                "a/b/c", "json"}) {
            HttpResponse<String> refused = send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/echo/x"))
                    .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString("{}")));
            assertThat(refused.statusCode()).as(contentType).isEqualTo(415);
            assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(refused.body()).as(contentType).contains("unsupported-media-type");
        }
        HttpResponse<String> twoTypes = send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/echo/x"))
                .header("Content-Type", "application/json").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(twoTypes.statusCode()).isEqualTo(415);
        HttpResponse<String> badAccept = send(get("/api/v1/echo/logs").header("Accept", "text/plain;q=abc"));
        assertThat(badAccept.statusCode()).isEqualTo(406);
        assertThat(badAccept.body()).contains("not-acceptable");
        assertThat(echoed.get()).as("nothing reached a function").isEqualTo(before);
    }

    @Test
    void aPathNotInNormalFormIsRefusedBeforeAnyRouteLimitOrTokenCheck() throws Exception {
        int before = echoed.get();
        for (String path : new String[] {"/api/v1/%61uth/login", "/%61pi/v1/auth/login", "/api/v1//auth/login",
                "/api/v1/auth;x/login", "/api/v1/%65cho/x", "/api/v1/echo/%2e%2e/x", "/api/v1/echo//x",
                "/api/v1%2Fecho/x"}) {
            HttpResponse<String> refused = send(post(path, "{\"email\":\"a@example.com\",\"password\":\"x\"}"));
            assertThat(refused.statusCode()).as(path).isEqualTo(400);
            assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(refused.body()).as(path).contains("path-not-normal");
        }
        assertThat(echoed.get()).as("nothing reached a function").isEqualTo(before);
    }

    @Test
    void publicDocumentsAreServedFromTheGatewaysCache() throws Exception {
        double before = hostRequests("/.well-known/jwks.json");
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> jwks = send(get("/.well-known/jwks.json"));
            assertThat(jwks.statusCode()).isEqualTo(200);
            assertThat(jwks.body()).contains("\"kty\":\"RSA\"");
        }
        assertThat(hostRequests("/.well-known/jwks.json") - before).as("requests that reached the host").isEqualTo(1.0);
    }

    /** The host's own count of requests to {@code uri}, from its Prometheus endpoint. */
    private static double hostRequests(String uri) throws Exception {
        String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + hostPort + "/actuator/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return metrics.lines().filter(line -> line.startsWith("http_server_requests_seconds_count{")
                        && line.contains("uri=\"" + uri + "\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    /** Last: it spends this address's sign-in budget (16 a minute here), which the other tests share. */
    @Test
    void thePaperExchangeIsReachedWithoutABearerTokenAndAnswersInItsOwnShape() throws Exception {
        HttpResponse<String> ping = send(get("/paper/api/v3/ping"));
        assertThat(ping.statusCode()).isEqualTo(200);
        assertThat(ping.body()).isEqualTo("{}");
        assertThat(ping.headers().firstValue("RateLimit-Limit")).contains("1200");
        HttpResponse<String> unsigned = send(get("/paper/api/v3/account?timestamp=1"));
        assertThat(unsigned.statusCode()).isEqualTo(401);
        assertThat(unsigned.body()).isEqualTo("{\"code\":-2014,\"msg\":\"API-key format invalid.\"}");
    }

    @Test
    @org.junit.jupiter.api.Order(Integer.MAX_VALUE)
    void aFloodOfLoginsFromOneAddressIsCutWith429() throws Exception {
        HttpResponse<String> last = null;
        for (int i = 0; i < 24; i++) {
            last = send(post("/api/v1/auth/login", "{\"email\":\"flood@example.com\",\"password\":\"wrong password\"}"));
            if (last.statusCode() == 429) {
                break;
            }
        }
        assertThat(last.statusCode()).isEqualTo(429);
        assertThat(last.headers().firstValue("Retry-After")).isPresent();
        assertThat(last.headers().firstValue("RateLimit-Remaining")).contains("0");
        assertThat(last.body()).contains("https://knag.io/problems/rate-limited");
    }

    @Test
    void oversizedBodiesUnknownRoutesAndTraversalGetProblems() throws Exception {
        String token = tokenFor("limits@example.com");
        HttpResponse<String> big = send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/echo/upload"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("x".repeat(2_000_000))));
        assertThat(big.statusCode()).isEqualTo(413);
        assertThat(big.body()).contains("payload-too-large");
        HttpResponse<String> unknown = send(get("/nothing/here"));
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("https://knag.io/problems/not-found");
        for (String trick : new String[] {"/api/v1/%2e%2e/%2e%2e/actuator/env", "/api/v1/..%2F..%2Factuator%2Fenv",
                "/api/v1/%252e%252e/actuator/env", "/.well-known/..%2F..%2Factuator/env", "/actuator/env"}) {
            HttpResponse<String> traversal = send(get(trick));
            assertThat(traversal.statusCode()).as(trick).isBetween(400, 404);
            assertThat(traversal.body()).as(trick).doesNotContain("propertySources").doesNotContain("KNAG_");
        }
    }

    @Test
    void plainHttpIsRedirectedAndTheTlsPortSpeaksOnlyTls() throws Exception {
        HttpClient plain = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> redirect = plain.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + httpPort + "/api/v1/users/me?x=1")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(redirect.statusCode()).isEqualTo(308);
        assertThat(redirect.headers().firstValue("Location")).contains("https://localhost:" + httpsPort + "/api/v1/users/me?x=1");
        HttpClient distrustful = HttpClient.newBuilder().build();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> distrustful.send(HttpRequest.newBuilder(
                URI.create(base() + "/api/v1/openapi.yaml")).build(), HttpResponse.BodyHandlers.ofString()))
                .as("a client that does not trust the self-signed certificate refuses it")
                .isInstanceOf(SSLHandshakeException.class);
    }

    /** A route in front of the echo upstream, before the functions route. */
    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    static class EchoRoute {
        @org.springframework.context.annotation.Bean
        org.springframework.cloud.gateway.route.RouteLocator echoRoute(
                org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder routes,
                org.springframework.core.env.Environment environment) {
            return routes.routes().route("echo", route -> route.order(-1).path("/api/v1/echo/**")
                    .uri(environment.getProperty("test.echo.uri"))).build();
        }
    }

    private String tokenFor(String email) throws Exception {
        send(post("/api/v1/auth/register", "{\"email\":\"" + email + "\",\"password\":\"a long passphrase\",\"displayName\":\"X\"}"));
        HttpResponse<String> login = send(post("/api/v1/auth/login",
                "{\"email\":\"" + email + "\",\"password\":\"a long passphrase\"}"));
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        return login.body().replaceAll(".*\"accessToken\":\"([^\"]+)\".*", "$1");
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(URI.create(base() + path)).GET();
    }

    private static HttpRequest.Builder post(String path, String json) {
        return HttpRequest.newBuilder(URI.create(base() + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
    }

    private static String base() {
        return "https://localhost:" + httpsPort;
    }

    private static Process startHost(int port) throws Exception {
        File jar = new File("../adapters/knative/target/knag-host.jar");
        assertThat(jar).as("the function host is built before the gateway").exists();
        ProcessBuilder builder = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-jar",
                jar.getAbsolutePath()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(data.resolve("host.log").toFile()));
        builder.environment().put("PORT", Integer.toString(port));
        builder.environment().put("KNAG_DATA_DIR", data.toString());
        builder.environment().put("KNAG_IDENTITY_KEY_ENCRYPTION_KEY", Base64.getEncoder().encodeToString(new byte[32]));
        builder.environment().put("KNAG_IDENTITY_ARGON2_MEMORY_KIB", "1024");
        builder.environment().remove("KNAG_DATABASE_URL");
        return builder.start();
    }

    private static void awaitHost(int port) throws Exception {
        HttpClient plain = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline && host.isAlive()) {
            try {
                if (plain.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
                        .build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new AssertionError("host not ready: " + Files.readString(data.resolve("host.log")));
    }

}
