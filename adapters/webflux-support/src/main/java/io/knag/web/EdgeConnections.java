package io.knag.web;

import io.knag.kernel.ProblemType;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.DecoderResultProvider;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.embedded.netty.NettyServerCustomizer;
import reactor.netty.NettyPipeline;

/**
 * What happens on an edge's connections before WebFlux sees a request, made to answer like the rest of the API:
 * a request the HTTP codec refuses (headers over the limit: 431, a request line over the limit: 414; conflicting
 * or negative {@code Content-Length}, bad chunk sizes, a request line that is not HTTP: 400) is a problem+json
 * answer with the edge's security headers instead of Reactor Netty's empty one (and so is a request target that
 * is not a URI, such as a path with a backslash, which WebFlux answers with an empty 400), and a request that is not read
 * whole within {@code readTimeout} from its first byte (slow headers, a slow body) is a 408 and its connection
 * is closed. Each of those answers closes the connection, as the request's framing can no longer be trusted.
 */
public final class EdgeConnections {

    public static final ProblemType HEADERS_TOO_LARGE =
            new ProblemType("headers-too-large", "The request's headers are too large", 431);
    public static final ProblemType URI_TOO_LONG =
            new ProblemType("uri-too-long", "The request's path and query are too long", 414);
    public static final ProblemType MALFORMED_HTTP =
            new ProblemType("malformed-http", "The request is not valid HTTP/1.1", 400);
    public static final ProblemType REQUEST_TIMEOUT =
            new ProblemType("request-timeout", "The request was not sent in time", 408);

    private static final Logger log = LoggerFactory.getLogger(EdgeConnections.class);

    private EdgeConnections() {
    }

    /** Installs the handlers on every HTTP/1.1 connection of the server it customises. */
    public static NettyServerCustomizer customizer(Duration readTimeout, Map<String, String> headers) {
        if (readTimeout.isNegative() || readTimeout.isZero()) {
            throw new IllegalArgumentException("the read timeout must be positive");
        }
        return server -> server.doOnChannelInit((observer, channel, address) -> {
            ChannelPipeline pipeline = channel.pipeline();
            if (pipeline.get(NettyPipeline.HttpCodec) == null) {
                return; // not an HTTP/1.1 connection (the edges serve only HTTP/1.1)
            }
            Connection connection = new Connection(readTimeout.toMillis(), headers);
            pipeline.addBefore(NettyPipeline.HttpCodec, "knag.requestClock", connection.clock);
            pipeline.addAfter(NettyPipeline.HttpCodec, "knag.edgeAnswers", connection.answers);
        });
    }

    /** Whether {@code target} parses as a URI, as WebFlux needs it to (it answers an empty 400 otherwise). */
    private static boolean isUri(String target) {
        try {
            new URI(target);
            return true;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** One connection's state: whether a request is being read (and since when), and whether an answer is being written. */
    private static final class Connection {

        final long timeoutMillis;
        final Map<String, String> headers;
        final Clock clock = new Clock();
        final Answers answers = new Answers();
        ScheduledFuture<?> deadline;
        ChannelHandlerContext http; // Answers' context: what is written there passes the codec's encoder
        boolean responding;
        boolean closing;

        Connection(long timeoutMillis, Map<String, String> headers) {
            this.timeoutMillis = timeoutMillis;
            this.headers = headers;
        }

        void requestStarts() {
            if (deadline == null && !closing && http != null) {
                deadline = http.executor().schedule(this::timedOut, timeoutMillis, TimeUnit.MILLISECONDS);
            }
        }

        void requestRead() {
            if (deadline != null) {
                deadline.cancel(false);
                deadline = null;
            }
        }

        void timedOut() {
            deadline = null;
            log.debug("a request from {} was not read within {} ms; closing", http.channel().remoteAddress(), timeoutMillis);
            refuse(REQUEST_TIMEOUT, "Send the whole request within " + Math.max(1, timeoutMillis / 1000) + " s");
        }

        /** Answers {@code type} unless an answer is already under way, and closes the connection either way. */
        void refuse(ProblemType type, String detail) {
            ChannelHandlerContext ctx = http;
            if (closing) {
                return;
            }
            closing = true;
            requestRead();
            if (responding) {
                ctx.close();
                return;
            }
            byte[] body = ("{\"type\":\"" + type.uri() + "\",\"title\":\"" + type.title() + "\",\"status\":" + type.status()
                    + ",\"detail\":\"" + detail + "\"}").getBytes(StandardCharsets.UTF_8);
            ByteBuf content = Unpooled.wrappedBuffer(body);
            var response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(type.status()),
                    content);
            headers.forEach((name, value) -> response.headers().set(name, value));
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/problem+json")
                    .set(HttpHeaderNames.CONTENT_LENGTH, body.length)
                    .set(HttpHeaderNames.CACHE_CONTROL, "no-store")
                    .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }

        /** Before the codec: the first byte of a request starts its clock. */
        final class Clock extends ChannelInboundHandlerAdapter {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                if (closing) {
                    ReferenceCountUtil.release(msg);
                    return;
                }
                if (msg instanceof ByteBuf bytes && bytes.isReadable()) {
                    requestStarts();
                }
                ctx.fireChannelRead(msg);
            }

            @Override
            public void channelInactive(ChannelHandlerContext ctx) {
                requestRead();
                ctx.fireChannelInactive();
            }
        }

        /** After the codec: what it could not decode is answered here; a request read whole stops its clock. */
        final class Answers extends ChannelDuplexHandler {
            @Override
            public void handlerAdded(ChannelHandlerContext ctx) {
                http = ctx;
            }

            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                if (closing) {
                    ReferenceCountUtil.release(msg);
                    return;
                }
                if (msg instanceof DecoderResultProvider decoded && decoded.decoderResult().isFailure()) {
                    Throwable cause = decoded.decoderResult().cause();
                    ReferenceCountUtil.release(msg);
                    log.debug("refused a request from {} the HTTP codec could not decode ({})", ctx.channel().remoteAddress(),
                            cause.getClass().getSimpleName());
                    if (cause instanceof TooLongHttpHeaderException) {
                        refuse(HEADERS_TOO_LARGE, "Send at most 8 KB of headers");
                    } else if (cause instanceof TooLongHttpLineException) {
                        refuse(URI_TOO_LONG, "Send a request line of at most 4 KB");
                    } else {
                        refuse(MALFORMED_HTTP, "Check the request line, Content-Length and chunk sizes");
                    }
                    return;
                }
                if (msg instanceof HttpRequest request && !isUri(request.uri())) {
                    ReferenceCountUtil.release(msg);
                    String path = request.uri().split("\\?", 2)[0];
                    if (path.indexOf('\\') >= 0) {
                        refuse(HttpProblems.PATH_NOT_NORMAL, "Use / between path segments, never a backslash");
                    } else {
                        refuse(MALFORMED_HTTP, "The request target is not a valid URI: percent-encode spaces and "
                                + "other characters that may not appear in one");
                    }
                    return;
                }
                if (msg instanceof HttpRequest) {
                    requestStarts();
                }
                if (msg instanceof LastHttpContent) {
                    requestRead();
                }
                ctx.fireChannelRead(msg);
            }

            @Override
            public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
                if (msg instanceof HttpResponse) {
                    responding = true;
                }
                if (msg instanceof LastHttpContent) {
                    responding = false;
                }
                ctx.write(msg, promise);
            }
        }
    }
}
