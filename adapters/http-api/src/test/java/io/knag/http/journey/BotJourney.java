package io.knag.http.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The journey every hosting adapter must carry, written once: register → login → add a credential → create a
 * bot → start it → its status changes to RUNNING → stop it; and the adapter's answers to bad input.
 */
public final class BotJourney {

    static final String PASSWORD = "a long journey passphrase";

    private BotJourney() {
    }

    /** Runs the journey; answers every event type the platform emitted on the way. */
    public static List<String> run(Transport platform, String image) throws InterruptedException {
        List<String> emitted = new ArrayList<>();
        String email = "journey-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        Reply registered = platform.call("POST", "/api/v1/auth/register", null,
                "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\",\"displayName\":\"Journey\"}");
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        String token = platform.call("POST", "/api/v1/auth/login", null,
                "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}").json().get("accessToken").asText();
        Reply credential = platform.call("POST", "/api/v1/vault/credentials", token,
                "{\"broker\":\"alpaca\",\"label\":\"journey\",\"secrets\":{\"keyId\":\"PK-JOURNEY\",\"secretKey\":\"SK-JOURNEY\"}}");
        assertThat(credential.status()).as(credential.body()).isEqualTo(201);
        Reply bot = platform.call("POST", "/api/v1/bots", token, "{\"name\":\"journey\",\"image\":\"" + image
                + "\",\"credentialId\":\"" + credential.json().get("id").asText() + "\"}");
        assertThat(bot.status()).as(bot.body()).isEqualTo(201);
        String id = bot.json().get("id").asText();
        emitted.addAll(platform.deliverEvents());

        Reply started = platform.call("POST", "/api/v1/bots/" + id + "/start", token, "{\"password\":\"" + PASSWORD + "\"}");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        emitted.addAll(platform.deliverEvents());
        platform.workloadIsUp(id);
        await(platform, emitted, token, id, "RUNNING");

        Reply stopped = platform.call("POST", "/api/v1/bots/" + id + "/stop", token, null);
        assertThat(stopped.status()).as(stopped.body()).isEqualTo(202);
        emitted.addAll(platform.deliverEvents());
        await(platform, emitted, token, id, "STOPPED");
        Reply history = platform.call("GET", "/api/v1/bots/" + id + "/events", token, null);
        List<String> states = new ArrayList<>();
        history.json().forEach(change -> states.add(change.get("to").asText()));
        assertThat(states).containsSubsequence("CREATED", "STARTING", "RUNNING", "STOPPING", "STOPPED");
        assertThat(emitted).contains("io.knag.bot.start.requested", "io.knag.bot.stop.requested",
                "io.knag.bot.status.changed");
        badInput(platform, token);
        return emitted;
    }

    /** What a caller gets wrong gets a problem+json, through every adapter alike. */
    static void badInput(Transport platform, String token) {
        Reply unknown = platform.call("GET", "/api/v1/nothing-here", token, null);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        Reply malformed = platform.call("POST", "/api/v1/bots", token, "{\"name\":");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("type").asText()).isEqualTo("https://knag.io/problems/malformed-request");
        Reply anonymous = platform.call("GET", "/api/v1/bots", null, null);
        assertThat(anonymous.status()).isEqualTo(401);
    }

    private static void await(Transport platform, List<String> emitted, String token, String id, String state)
            throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (true) {
            Reply bot = platform.call("GET", "/api/v1/bots/" + id, token, null);
            if (state.equals(bot.json().get("state").asText())) {
                return;
            }
            assertThat(System.nanoTime()).as("the bot reached " + state + " within 30 s; it is " + bot.body())
                    .isLessThan(deadline);
            emitted.addAll(platform.deliverEvents());
            Thread.sleep(50);
        }
    }
}
