package io.knag.kernel.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLContext;

/**
 * HTTP/1.1 written by hand over a socket, for what a well-behaved client library refuses to send: oversized or
 * conflicting headers, bad chunk sizes, a request sent slowly. Loopback only; every read is bounded.
 */
public final class RawHttp implements AutoCloseable {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    private RawHttp(Socket socket) throws IOException {
        this.socket = socket;
        socket.setSoTimeout(10_000);
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    public static RawHttp plain(int port) throws IOException {
        return new RawHttp(new Socket(InetAddress.getLoopbackAddress(), port));
    }

    public static RawHttp tls(SSLContext context, int port) throws IOException {
        Socket socket = context.getSocketFactory().createSocket(InetAddress.getLoopbackAddress(), port);
        return new RawHttp(socket);
    }

    public RawHttp send(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        return this;
    }

    /** Sends {@code text} a character at a time, {@code pause} apart, until done or the server closes. */
    public RawHttp trickle(String text, Duration pause) throws InterruptedException {
        try {
            for (char c : text.toCharArray()) {
                out.write(c);
                out.flush();
                Thread.sleep(pause.toMillis());
            }
        } catch (IOException closed) {
            // the server gave up on us: what it answered is still to be read
        }
        return this;
    }

    /** Reads one answer: its status line, headers and the body its Content-Length announces (or up to the close). */
    public Answer answer() throws IOException {
        String head = readHead();
        String[] lines = head.split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        List<String[]> headers = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.add(new String[] {lines[i].substring(0, colon).trim(), lines[i].substring(colon + 1).trim()});
        }
        Answer partial = new Answer(status, headers, "");
        String length = partial.header("Content-Length");
        byte[] body = length != null ? in.readNBytes(Integer.parseInt(length)) : in.readAllBytes();
        return new Answer(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    /** Whether the server has closed the connection (a read sees its end within a second). */
    public boolean closedByServer() throws IOException {
        socket.setSoTimeout(1_000);
        try {
            return in.read() < 0;
        } catch (SocketTimeoutException open) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    private String readHead() throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the connection closed before an answer: " + head);
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    public record Answer(int status, List<String[]> headers, String body) {

        public String header(String name) {
            List<String> values = headers(name);
            return values.isEmpty() ? null : values.get(0);
        }

        public List<String> headers(String name) {
            return headers.stream().filter(h -> h[0].toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT)))
                    .map(h -> h[1]).toList();
        }
    }
}
