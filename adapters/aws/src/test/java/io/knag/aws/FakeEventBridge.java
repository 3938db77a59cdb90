package io.knag.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * EventBridge's PutEvents endpoint on loopback (AWS itself cannot be reached here): it keeps every entry the
 * SDK sends and answers as EventBridge does, so a test can deliver the entries on, as a rule would.
 */
final class FakeEventBridge implements AutoCloseable {

    final List<JsonNode> entries = new CopyOnWriteArrayList<>();
    final List<String> targets = new CopyOnWriteArrayList<>();
    private final ObjectMapper json = new ObjectMapper();
    private final DisposableServer server;

    FakeEventBridge() {
        server = HttpServer.create().host("127.0.0.1").port(0)
                .handle((request, response) -> request.receive().aggregate().asString().defaultIfEmpty("{}")
                        .flatMap(body -> {
                            targets.add(request.requestHeaders().get("X-Amz-Target"));
                            try {
                                json.readTree(body).path("Entries").forEach(entries::add);
                            } catch (Exception e) {
                                return response.status(400).send().then();
                            }
                            return response.header("Content-Type", "application/x-amz-json-1.1")
                                    .sendString(Mono.just("{\"FailedEntryCount\":0,\"Entries\":[{\"EventId\":\""
                                            + UUID.randomUUID() + "\"}]}")).then();
                        }))
                .bindNow();
    }

    String url() {
        return "http://127.0.0.1:" + server.port();
    }

    @Override
    public void close() {
        server.disposeNow();
    }
}
