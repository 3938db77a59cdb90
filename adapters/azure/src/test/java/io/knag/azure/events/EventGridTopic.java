package io.knag.azure.events;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * An Event Grid topic on loopback: keeps every publish request it gets (headers, body, the status it answered)
 * and answers 200, or {@code failureStatus} to the next {@code failures} requests.
 */
public final class EventGridTopic implements AutoCloseable {

    public record Received(Map<String, String> headers, String body, int status) {
    }

    public final List<Received> received = new CopyOnWriteArrayList<>();
    public final AtomicInteger failures = new AtomicInteger();
    public volatile int failureStatus = 503;
    private final DisposableServer server;

    public EventGridTopic() {
        server = HttpServer.create().host("127.0.0.1").port(0)
                .handle((request, response) -> request.receive().aggregate().asByteArray().defaultIfEmpty(new byte[0])
                        .flatMap(body -> {
                            Map<String, String> headers = new LinkedHashMap<>();
                            request.requestHeaders().forEach(h -> headers.put(h.getKey().toLowerCase(Locale.ROOT), h.getValue()));
                            int status = failures.getAndDecrement() > 0 ? failureStatus : 200;
                            received.add(new Received(headers, new String(body, StandardCharsets.UTF_8), status));
                            return response.status(status).send().then();
                        }))
                .bindNow();
    }

    public String endpoint() {
        return "http://127.0.0.1:" + server.port() + "/api/events";
    }

    /** The requests the topic accepted, from {@code index} on. */
    public List<Received> acceptedFrom(int index) {
        return received.subList(index, received.size()).stream().filter(r -> r.status() == 200).toList();
    }

    @Override
    public void close() {
        server.disposeNow();
    }
}
