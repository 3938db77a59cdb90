import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Load on the trading loop over loopback, in two modes:
 *
 * <p>{@code orders BASE KEY SECRET RATE WARMUP SECONDS}: signed MARKET orders (buy and sell in turn, 0.001 BTC) at a
 * fixed RATE a second, open loop: each latency is counted from the moment its order was due, so a slow answer
 * delays nothing and hides nothing. Prints p50, p99, the largest and the errors of the measured SECONDS.
 *
 * <p>{@code reports URL TOKEN BOT CONNECTIONS WARMUP SECONDS}: heartbeat reports as fast as CONNECTIONS concurrent
 * requests go, one in ten an id sent before (a redelivery). Prints reports a second, taken and duplicates.
 */
public class TradingLoad {

    static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .version(HttpClient.Version.HTTP_1_1).build();

    public static void main(String[] args) throws Exception {
        if (args[0].equals("orders")) {
            orders(args[1], args[2], args[3], Integer.parseInt(args[4]), Integer.parseInt(args[5]), Integer.parseInt(args[6]));
        } else {
            reports(args[1], args[2], args[3], Integer.parseInt(args[4]), Integer.parseInt(args[5]), Integer.parseInt(args[6]));
        }
    }

    static void orders(String base, String key, String secret, int rate, int warmup, int seconds) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        long interval = 1_000_000_000L / rate;
        int total = rate * (warmup + seconds);
        int measuredFrom = rate * warmup;
        long[] latencies = new long[total - measuredFrom];
        AtomicLong errors = new AtomicLong();
        CompletableFuture<?>[] pending = new CompletableFuture<?>[total];
        long start = System.nanoTime() + 100_000_000L;
        for (int i = 0; i < total; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            String query = "symbol=BTCUSDT&side=" + (i % 2 == 0 ? "BUY" : "SELL") + "&type=MARKET&quantity=0.001&timestamp="
                    + System.currentTimeMillis();
            String signature;
            synchronized (mac) {
                signature = HexFormat.of().formatHex(mac.doFinal(query.getBytes(StandardCharsets.UTF_8)));
            }
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v3/order?" + query + "&signature=" + signature))
                    .header("X-MBX-APIKEY", key).timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.noBody()).build();
            int index = i;
            pending[i] = http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).handle((answer, failure) -> {
                if (failure != null || answer.statusCode() != 200) {
                    errors.incrementAndGet();
                }
                if (index >= measuredFrom) {
                    latencies[index - measuredFrom] = System.nanoTime() - due;
                }
                return null;
            });
        }
        CompletableFuture.allOf(pending).join();
        Arrays.sort(latencies);
        System.out.printf("signed MARKET orders at %d/s for %d s (after %d s warm-up): p50 %.2f ms, p99 %.2f ms, max %.2f ms, errors %d%n",
                rate, seconds, warmup, latencies[latencies.length / 2] / 1e6, latencies[(int) (latencies.length * 0.99)] / 1e6,
                latencies[latencies.length - 1] / 1e6, errors.get());
    }

    static void reports(String url, String token, String bot, int connections, int warmup, int seconds) throws Exception {
        run(url, token, bot, connections, warmup, new AtomicLong(), new AtomicLong(), new AtomicLong());
        AtomicLong taken = new AtomicLong();
        AtomicLong duplicates = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        long started = System.nanoTime();
        run(url, token, bot, connections, seconds, taken, duplicates, errors);
        double elapsed = (System.nanoTime() - started) / 1e9;
        System.out.printf("heartbeat reports, %d concurrent, one in ten a redelivery, %d s (after %d s warm-up): %.0f reports/s"
                        + " (%d taken, %d duplicates recognised, %d errors)%n", connections, seconds, warmup,
                (taken.get() + duplicates.get()) / elapsed, taken.get(), duplicates.get(), errors.get());
    }

    static void run(String url, String token, String bot, int connections, int seconds, AtomicLong taken,
                    AtomicLong duplicates, AtomicLong errors) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        Semaphore slots = new Semaphore(connections);
        ConcurrentLinkedQueue<String> sent = new ConcurrentLinkedQueue<>();
        long n = 0;
        while (System.nanoTime() < end) {
            slots.acquire();
            String id = n++ % 10 == 9 && !sent.isEmpty() ? sent.peek() : UUID.randomUUID().toString();
            if (sent.size() < 1000) {
                sent.add(id);
            } else {
                sent.poll();
                sent.add(id);
            }
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                    .header("Authorization", "Bearer " + token).header("ce-specversion", "1.0").header("ce-id", id)
                    .header("ce-source", "/bench").header("ce-type", "io.knag.bot.heartbeat").header("ce-subject", bot)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build();
            http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((answer, failure) -> {
                if (failure != null) {
                    errors.incrementAndGet();
                } else if (answer.statusCode() == 202) {
                    taken.incrementAndGet();
                } else if (answer.statusCode() == 200) {
                    duplicates.incrementAndGet();
                } else {
                    errors.incrementAndGet();
                }
                slots.release();
            });
        }
        slots.acquire(connections);
    }
}
