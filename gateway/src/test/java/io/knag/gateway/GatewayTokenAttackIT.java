package io.knag.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Every JWT attack of the foundation issue, sent through the real gateway: the gateway's key set is a
 * JWKS this test serves (so it can sign tokens as the identity function would, and forge every variant),
 * and the upstream counts what reaches it. A forged token is a 401 problem and never reaches a function.
 */
class GatewayTokenAttackIT {

    static KeyPair identityKey;
    static KeyPair otherKey;
    static HttpServer jwksAndUpstream;
    static final AtomicInteger reached = new AtomicInteger();
    static ConfigurableApplicationContext gateway;
    static HttpClient client;
    static int port;

    @BeforeAll
    static void start() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        identityKey = generator.generateKeyPair();
        otherKey = generator.generateKeyPair();
        String jwks = new JWKSet(new RSAKey.Builder((RSAPublicKey) identityKey.getPublic()).keyID("k1").build())
                .toString(true);
        jwksAndUpstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        jwksAndUpstream.createContext("/.well-known/jwks.json", exchange -> {
            byte[] body = jwks.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        jwksAndUpstream.createContext("/api/", exchange -> {
            reached.incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        jwksAndUpstream.start();
        Path keystore = Files.createTempDirectory("knag-attack-it").resolve("tls.p12");
        SelfSignedCertificate.ensure(keystore, "it-password".toCharArray());
        port = TestSupport.freePort();
        String upstream = "http://127.0.0.1:" + jwksAndUpstream.getAddress().getPort();
        gateway = new SpringApplicationBuilder(KnagGateway.class).run(
                "--server.port=" + port,
                "--spring.ssl.bundle.jks.knag.keystore.location=file:" + keystore,
                "--spring.ssl.bundle.jks.knag.keystore.password=it-password",
                "--server.ssl.bundle=knag",
                "--knag.gateway.upstream=" + upstream,
                "--knag.gateway.jwks=" + upstream + "/.well-known/jwks.json",
                "--knag.gateway.http-port=0",
                "--knag.tokens.issuer=https://knag.test");
        client = HttpClient.newBuilder().sslContext(TestSupport.trusting(keystore, "it-password".toCharArray())).build();
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.close();
        }
        if (jwksAndUpstream != null) {
            jwksAndUpstream.stop(0);
        }
    }

    static Stream<String> forgeries() throws Exception {
        return Stream.of(
                token(h -> { }, c -> c.expirationTime(Date.from(Instant.now().minusSeconds(120))), identityKey),
                token(h -> { }, c -> c.notBeforeTime(Date.from(Instant.now().plusSeconds(600))), identityKey),
                token(h -> { }, c -> c.issuer("https://evil.example"), identityKey),
                token(h -> { }, c -> c.audience("another-api"), identityKey),
                token(h -> h.type(JOSEObjectType.JWT), c -> { }, identityKey),
                token(h -> h.keyID("unknown-kid"), c -> { }, identityKey),
                token(h -> h.keyID("../../../etc/passwd"), c -> { }, identityKey),
                token(h -> h.keyID("k1' OR '1'='1"), c -> { }, identityKey),
                token(h -> { }, c -> { }, otherKey),
                new PlainJWT(claims().build()).serialize(),
                hs256WithThePublicKey(),
                tampered());
    }

    @ParameterizedTest
    @MethodSource("forgeries")
    void aForgedTokenIsRefusedAtTheGateway(String forged) throws Exception {
        int before = reached.get();
        HttpResponse<String> answer = get("Bearer " + forged);
        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.body()).contains("https://knag.io/problems/invalid-token");
        assertThat(answer.headers().firstValue("WWW-Authenticate")).contains("Bearer error=\"invalid_token\"");
        assertThat(reached.get()).isEqualTo(before);
    }

    @Test
    void theGenuineTokenPasses() throws Exception {
        int before = reached.get();
        assertThat(get("Bearer " + token(h -> { }, c -> { }, identityKey)).statusCode()).isEqualTo(204);
        assertThat(reached.get()).isEqualTo(before + 1);
    }

    @Test
    void malformedAuthorizationHeadersAreRefused() throws Exception {
        for (String header : new String[] {"Basic YWxpY2U6cHc=", "Bearer", "Bearer  ", "bearer a.b.c", "Token x"}) {
            assertThat(get(header).statusCode()).as(header).isEqualTo(401);
        }
    }

    private static HttpResponse<String> get(String authorization) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/api/v1/anything"))
                .header("Authorization", authorization).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JWTClaimsSet.Builder claims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer("https://knag.test").audience("knag-api")
                .subject(UUID.randomUUID().toString()).issueTime(Date.from(now.minusSeconds(5)))
                .notBeforeTime(Date.from(now.minusSeconds(5))).expirationTime(Date.from(now.plusSeconds(600)))
                .jwtID(UUID.randomUUID().toString());
    }

    private static String token(Consumer<JWSHeader.Builder> header, Consumer<JWTClaimsSet.Builder> claims, KeyPair key)
            throws Exception {
        JWSHeader.Builder h = new JWSHeader.Builder(JWSAlgorithm.RS256).type(new JOSEObjectType("at+jwt")).keyID("k1");
        header.accept(h);
        JWTClaimsSet.Builder c = claims();
        claims.accept(c);
        SignedJWT jwt = new SignedJWT(h.build(), c.build());
        jwt.sign(new RSASSASigner(key.getPrivate()));
        return jwt.serialize();
    }

    private static String hs256WithThePublicKey() throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(new JOSEObjectType("at+jwt"))
                .keyID("k1").build(), claims().build());
        jwt.sign(new MACSigner(identityKey.getPublic().getEncoded()));
        return jwt.serialize();
    }

    private static String tampered() throws Exception {
        String[] parts = token(h -> { }, c -> { }, identityKey).split("\\.");
        String payload = new String(Base64URL.from(parts[1]).decode(), StandardCharsets.UTF_8)
                .replaceFirst("\"sub\":\"[^\"]+\"", "\"sub\":\"" + UUID.randomUUID() + "\"");
        return parts[0] + "." + Base64URL.encode(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    }
}
