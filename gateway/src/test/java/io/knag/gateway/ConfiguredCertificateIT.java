package io.knag.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** An operator's own certificate, given as PEM files through a Spring SSL bundle, is what the gateway serves. */
class ConfiguredCertificateIT {

    @Test
    void servesTheConfiguredPemCertificate() throws Exception {
        Path dir = Files.createTempDirectory("knag-pem-it");
        SelfSignedCertificate.ensure(dir.resolve("source.p12"), "pw".toCharArray());
        KeyStore source = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(dir.resolve("source.p12"))) {
            source.load(in, "pw".toCharArray());
        }
        X509Certificate certificate = (X509Certificate) source.getCertificate(SelfSignedCertificate.ALIAS);
        PrivateKey key = (PrivateKey) source.getKey(SelfSignedCertificate.ALIAS, "pw".toCharArray());
        try (var out = new JcaPEMWriter(new FileWriter(dir.resolve("cert.pem").toFile()))) {
            out.writeObject(certificate);
        }
        try (var out = new JcaPEMWriter(new FileWriter(dir.resolve("key.pem").toFile()))) {
            out.writeObject(new org.bouncycastle.openssl.jcajce.JcaPKCS8Generator(key, null));
        }
        int port = TestSupport.freePort();
        try (var gateway = new SpringApplicationBuilder(KnagGateway.class).run(
                "--server.port=" + port,
                "--server.ssl.bundle=operator",
                "--spring.ssl.bundle.pem.operator.keystore.certificate=file:" + dir.resolve("cert.pem"),
                "--spring.ssl.bundle.pem.operator.keystore.private-key=file:" + dir.resolve("key.pem"),
                "--knag.gateway.http-port=0")) {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("operator", certificate);
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            HttpResponse<String> answer = HttpClient.newBuilder().sslContext(context).build().send(
                    HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/nothing")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(404);
            assertThat(answer.sslSession()).hasValueSatisfying(session -> {
                try {
                    assertThat(session.getPeerCertificates()[0]).isEqualTo(certificate);
                } catch (javax.net.ssl.SSLPeerUnverifiedException e) {
                    throw new AssertionError(e);
                }
            });
        }
    }
}
