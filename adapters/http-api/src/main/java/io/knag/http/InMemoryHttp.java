package io.knag.http;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.reactivestreams.Publisher;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpCookie;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.AbstractServerHttpRequest;
import org.springframework.http.server.reactive.AbstractServerHttpResponse;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.SslInfo;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Hands one HTTP request, as a FaaS platform delivered it, to the same WebFlux routes, filters and problem
 * handler the Knative host serves, and gives back the response: the adapters only translate shapes.
 */
public final class InMemoryHttp {

    /** A request: {@code path} without the query, {@code query} raw (or null), the body's bytes (or empty). */
    public record Request(String method, String path, String query, Map<String, List<String>> headers, byte[] body) {
    }

    public record Response(int status, Map<String, List<String>> headers, byte[] body) {
    }

    /** An answer made here, not by the routes: a request that cannot reach them, or an adapter's own failure. */
    public static Response problem(io.knag.kernel.ProblemType type, String detail) {
        String body = "{\"type\":\"" + type.uri() + "\",\"title\":\"" + type.title() + "\",\"status\":"
                + type.status() + ",\"detail\":\"" + detail + "\"}";
        return new Response(type.status(), Map.of("Content-Type", List.of("application/problem+json")),
                body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private final HttpHandler handler;

    InMemoryHttp(HttpHandler handler) {
        this.handler = handler;
    }

    public Mono<Response> handle(Request request) {
        return Mono.defer(() -> {
            HttpHeaders headers = new HttpHeaders();
            request.headers().forEach((name, values) -> headers.addAll(name, values));
            URI uri;
            try {
                uri = URI.create("http://function" + request.path()
                        + (request.query() == null || request.query().isEmpty() ? "" : "?" + request.query()));
            } catch (IllegalArgumentException e) {
                return Mono.just(problem(io.knag.kernel.ProblemType.MALFORMED_REQUEST,
                        "The path or query string is not a valid URI"));
            }
            var in = new MemoryRequest(HttpMethod.valueOf(request.method()), uri, headers, request.body());
            var out = new MemoryResponse();
            return handler.handle(in, out).then(Mono.fromSupplier(() -> {
                Map<String, List<String>> answered = new LinkedHashMap<>();
                out.getHeaders().forEach((name, values) -> answered.put(name, List.copyOf(values)));
                int status = out.getStatusCode() == null ? 200 : out.getStatusCode().value();
                return new Response(status, answered, out.body.toByteArray());
            }));
        });
    }

    private static final class MemoryRequest extends AbstractServerHttpRequest {

        private final byte[] body;

        MemoryRequest(HttpMethod method, URI uri, HttpHeaders headers, byte[] body) {
            super(method, uri, "", headers);
            this.body = body == null ? new byte[0] : body;
        }

        @Override
        protected MultiValueMap<String, HttpCookie> initCookies() {
            return new LinkedMultiValueMap<>();
        }

        @Override
        protected SslInfo initSslInfo() {
            return null;
        }

        @Override
        public Flux<DataBuffer> getBody() {
            return body.length == 0 ? Flux.empty() : Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(body));
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T getNativeRequest() {
            return (T) this;
        }
    }

    private static final class MemoryResponse extends AbstractServerHttpResponse {

        final ByteArrayOutputStream body = new ByteArrayOutputStream();

        MemoryResponse() {
            super(DefaultDataBufferFactory.sharedInstance);
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T getNativeResponse() {
            return (T) this;
        }

        @Override
        protected void applyStatusCode() {
        }

        @Override
        protected void applyHeaders() {
        }

        @Override
        protected void applyCookies() {
        }

        @Override
        protected Mono<Void> writeWithInternal(Publisher<? extends DataBuffer> chunks) {
            return Flux.from(chunks).doOnNext(buffer -> {
                byte[] bytes = new byte[buffer.readableByteCount()];
                buffer.read(bytes);
                body.writeBytes(bytes);
                DataBufferUtils.release(buffer);
            }).then();
        }

        @Override
        protected Mono<Void> writeAndFlushWithInternal(Publisher<? extends Publisher<? extends DataBuffer>> chunks) {
            return Flux.from(chunks).concatMap(this::writeWithInternal).then();
        }
    }
}
