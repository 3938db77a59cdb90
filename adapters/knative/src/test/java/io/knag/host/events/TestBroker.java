package io.knag.host.events;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * A broker on loopback, as Knative Eventing's would be: it accepts binary-mode CloudEvents, keeps them, and
 * (once it knows the subscriber) delivers each to the subscriber's {@code /events} as a Trigger does,
 * answering the sender with the subscriber's status. It can fail the first {@code failures} sends with 503.
 */
final class TestBroker implements AutoCloseable {

    record Received(Map<String, String> headers, String body, int subscriberStatus) {
    }

    final List<Received> received = new CopyOnWriteArrayList<>();
    final AtomicInteger failures = new AtomicInteger();
    volatile String subscriber;
    private final DisposableServer server;

    TestBroker() {
        server = HttpServer.create().host("127.0.0.1").port(0)
                .handle((request, response) -> request.receive().aggregate().asByteArray().defaultIfEmpty(new byte[0])
                        .flatMap(body -> {
                            if (failures.getAndDecrement() > 0) {
                                return response.status(503).send().then();
                            }
                            Map<String, String> headers = new java.util.LinkedHashMap<>();
                            request.requestHeaders().forEach(entry -> headers.put(entry.getKey().toLowerCase(), entry.getValue()));
                            return forward(headers, body).flatMap(status -> {
                                received.add(new Received(headers, new String(body, java.nio.charset.StandardCharsets.UTF_8),
                                        status));
                                return response.status(status >= 500 ? 502 : 202).send().then();
                            });
                        }))
                .bindNow();
    }

    String url() {
        return "http://127.0.0.1:" + server.port() + "/";
    }

    private Mono<Integer> forward(Map<String, String> headers, byte[] body) {
        if (subscriber == null) {
            return Mono.just(202);
        }
        return WebClient.create().post().uri(subscriber + "/events")
                .headers(out -> headers.forEach((name, value) -> {
                    if (name.startsWith("ce-") || name.equals("content-type")) {
                        out.set(name, value);
                    }
                }))
                .header(HttpHeaders.CONTENT_LENGTH, Integer.toString(body.length))
                .bodyValue(body)
                .exchangeToMono(answer -> Mono.just(answer.statusCode().value()));
    }

    @Override
    public void close() {
        server.disposeNow();
    }
}
