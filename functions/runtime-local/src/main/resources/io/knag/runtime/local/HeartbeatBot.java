import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * knag/heartbeat-bot: the demonstration bot. It reads its configuration as every bot does (KNAG_BOT_ID,
 * KNAG_BROKER, KNAG_PARAMS, and the credentials file named by KNAG_CREDENTIALS_FILE), then writes one
 * heartbeat line a second with its bot id and the credential's fingerprint, never a secret, until stopped. Every
 * five seconds it reports an io.knag.bot.heartbeat CloudEvent to KNAG_EVENTS_URL with the report token of its
 * credentials file (docs/bot-contract.md).
 * Parameters (all optional): {"intervalMillis": 1000, "crashAfter": N (exit 3 after N beats),
 * "exitAfter": N (exit 0 after N beats), "report": false (send no heartbeats to the platform)}. Run with "java HeartbeatBot.java" (Java 11 or later).
 */
public class HeartbeatBot {

    public static void main(String[] args) throws Exception {
        String botId = env("KNAG_BOT_ID");
        String params = System.getenv().getOrDefault("KNAG_PARAMS", "{}");
        String credentials = Files.readString(Path.of(env("KNAG_CREDENTIALS_FILE")));
        String fingerprint = field(credentials, "fingerprint");
        long interval = Math.max(50, number(params, "intervalMillis", 1000));
        long crashAfter = number(params, "crashAfter", -1);
        long exitAfter = number(params, "exitAfter", -1);
        boolean reports = !params.replace(" ", "").contains("\"report\":false");
        Reporter reporter = new Reporter(botId, reports ? System.getenv("KNAG_EVENTS_URL") : null,
                field(credentials, "reportToken"));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println("heartbeat-bot " + botId + " stopping")));
        System.out.println("heartbeat-bot " + botId + " started: broker=" + env("KNAG_BROKER") + " credential="
                + fingerprint + " secrets=" + countSecrets(credentials) + " fields");
        for (long beat = 1; ; beat++) {
            System.out.println(Instant.now() + " heartbeat bot=" + botId + " credential=" + fingerprint + " beat=" + beat);
            System.out.flush();
            reporter.heartbeat(beat);
            if (beat == crashAfter) {
                System.out.println("heartbeat-bot " + botId + " crashing on purpose (crashAfter=" + crashAfter + ")");
                System.exit(3);
            }
            if (beat == exitAfter) {
                System.out.println("heartbeat-bot " + botId + " done (exitAfter=" + exitAfter + ")");
                System.exit(0);
            }
            Thread.sleep(interval);
        }
    }

    /** Heartbeats to the platform, binary-mode CloudEvents, at most one every five seconds. */
    static final class Reporter {

        private final String botId;
        private final String url;
        private final String token;
        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        private Instant last = Instant.EPOCH;
        private int lastStatus = 202;

        Reporter(String botId, String url, String token) {
            this.botId = botId;
            this.url = url;
            this.token = token;
        }

        void heartbeat(long beat) {
            if (url == null || token.equals("unknown") || Instant.now().isBefore(last.plusSeconds(5))) {
                return;
            }
            last = Instant.now();
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3))
                    .header("Authorization", "Bearer " + token)
                    .header("ce-specversion", "1.0").header("ce-id", UUID.randomUUID().toString())
                    .header("ce-source", "/bots/" + botId).header("ce-type", "io.knag.bot.heartbeat")
                    .header("ce-subject", botId).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"status\":\"beat " + beat + "\"}")).build();
            try {
                int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status != lastStatus) {
                    System.out.println("heartbeat-bot " + botId + ": the platform answered " + status + " to a heartbeat");
                }
                lastStatus = status;
            } catch (Exception e) {
                if (lastStatus != -1) {
                    System.out.println("heartbeat-bot " + botId + ": heartbeat not delivered (" + e.getClass().getSimpleName() + ")");
                }
                lastStatus = -1;
            }
        }
    }

    private static String env(String name) {
        String value = System.getenv(name);
        if (value == null || value.isEmpty()) {
            System.err.println("heartbeat-bot: " + name + " is not set; is this run by Knag?");
            System.exit(2);
        }
        return value;
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        return m.find() ? m.group(1) : "unknown";
    }

    private static long number(String json, String name, long otherwise) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*(-?\\d+)").matcher(json);
        return m.find() ? Long.parseLong(m.group(1)) : otherwise;
    }

    private static int countSecrets(String json) {
        int start = json.indexOf("\"secrets\"");
        if (start < 0) {
            return 0;
        }
        int count = 0;
        for (int i = json.indexOf('{', start) + 1; i > 0 && i < json.length(); i++) {
            char c = json.charAt(i);
            if (c == '"') {
                count++;
                for (i++; i < json.length() && json.charAt(i) != '"'; i++) {
                    if (json.charAt(i) == '\\') {
                        i++;
                    }
                }
            } else if (c == '}') {
                break;
            }
        }
        return count / 2;
    }
}
