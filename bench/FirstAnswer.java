import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Measures start-up as a user feels it: the time from starting a process to its first successful (2xx)
 * answer at a URL, polled every 5 ms. Runs the command N times, stops it after each answer (SIGTERM, then
 * waits for it to exit), and prints each run and the median.
 *
 * <p>Usage: java bench/FirstAnswer.java NAME RUNS URL LOGFILE -- command args...
 */
public class FirstAnswer {

    public static void main(String[] args) throws Exception {
        int separator = Arrays.asList(args).indexOf("--");
        String name = args[0];
        int runs = Integer.parseInt(args[1]);
        URI url = URI.create(args[2]);
        File log = new File(args[3]);
        List<String> command = Arrays.asList(args).subList(separator + 1, args.length);
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(200)).build();
        HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(5)).GET().build();
        List<Long> millis = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            long start = System.nanoTime();
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log)).start();
            long elapsed = -1;
            long deadline = start + TimeUnit.SECONDS.toNanos(120);
            while (System.nanoTime() < deadline && process.isAlive()) {
                try {
                    HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
                    if (response.statusCode() / 100 == 2) {
                        elapsed = (System.nanoTime() - start) / 1_000_000;
                        break;
                    }
                } catch (java.io.IOException e) {
                    // not listening yet
                }
                Thread.sleep(5);
            }
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
            if (elapsed < 0) {
                System.out.printf("%s run %d: no successful answer (see %s)%n", name, run, log);
                System.exit(1);
            }
            millis.add(elapsed);
            System.out.printf("%s run %d: %d ms%n", name, run, elapsed);
        }
        List<Long> sorted = new ArrayList<>(millis);
        sorted.sort(null);
        System.out.printf("RESULT %s median %d ms (runs %s)%n", name, sorted.get(sorted.size() / 2), millis);
    }
}
