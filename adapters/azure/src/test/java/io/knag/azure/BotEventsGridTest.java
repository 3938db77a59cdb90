package io.knag.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.knag.cloudevents.EventRejected;
import io.knag.http.journey.Reply;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Event Grid's deliveries to the platformEvents function, from the recorded CloudEvents under events/: a valid stop
 * request reaches the bot manager (once, however often it is delivered); an unknown type, a missing id or
 * malformed data fails the invocation with a reason that never holds the data, and changes nothing.
 */
@ExtendWith(OutputCaptureExtension.class)
class BotEventsGridTest {

    static final String MARKER = "DATA-MARKER";

    final FunctionsHost host = FunctionsHost.get();
    final AzureTransport azure = new AzureTransport(host);
    String owner;
    String bot;

    @BeforeEach
    void aUserWithABot() {
        String email = "grid-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        Reply registered = azure.call("POST", "/api/v1/auth/register", null,
                "{\"email\":\"" + email + "\",\"password\":\"a long grid passphrase\",\"displayName\":\"Grid\"}");
        owner = registered.json().get("id").asText();
        String token = azure.call("POST", "/api/v1/auth/login", null,
                "{\"email\":\"" + email + "\",\"password\":\"a long grid passphrase\"}").json().get("accessToken").asText();
        String credential = azure.call("POST", "/api/v1/vault/credentials", token,
                "{\"broker\":\"alpaca\",\"label\":\"grid\",\"secrets\":{\"keyId\":\"PK-GRID\",\"secretKey\":\"SK-GRID\"}}").json().get("id").asText();
        bot = azure.call("POST", "/api/v1/bots", token, "{\"name\":\"grid\",\"image\":\"knag/heartbeat-bot\","
                + "\"credentialId\":\"" + credential + "\"}").json().get("id").asText();
    }

    @Test
    void aValidStopRequestReachesTheBotManagerAndARedeliveryIsHandledOnce() {
        String event = sample("eventgrid-bot-stop-requested.json");

        deliver(event);
        deliver(event);

        assertThat(host.database.query("SELECT count(*) FROM bots.handled_events WHERE event_id = ?::uuid",
                "0b6a4a8e-6c35-4d1f-9f7e-3c2f1d8b5a01")).containsExactly(List.of("1"));
        // A stop of a launch that is not running is stale: the bot stays as it was.
        assertThat(state()).isEqualTo("CREATED");
    }

    @Test
    void anEventOfAnUnknownTypeIsRejectedAndChangesNothing(CapturedOutput output) {
        assertRejected("eventgrid-unknown-type.json", "unknown event type io.knag.bot.explode.requested", output);
    }

    @Test
    void anEventWithoutAnIdIsRejectedAndChangesNothing(CapturedOutput output) {
        assertRejected("eventgrid-missing-id.json",
                "not a CloudEvents 1.0 JSON event with id, source, type and specversion", output);
    }

    @Test
    void malformedDataIsRejectedWithoutEchoingItAndChangesNothing(CapturedOutput output) {
        assertRejected("eventgrid-malformed-data.json",
                "the data of event c3e8a1f7-2b6d-4f90-b5a4-8e7d6c5b4a32 is not a valid io.knag.bot.stop.requested", output);
    }

    private void assertRejected(String sample, String reason, CapturedOutput output) {
        String before = snapshot();

        assertThatThrownBy(() -> deliver(sample(sample)))
                .isInstanceOf(EventRejected.class)
                .hasMessage(reason)
                .message().doesNotContain(MARKER).doesNotContain(bot).doesNotContain(owner);

        assertThat(snapshot()).isEqualTo(before);
        assertThat(output.getAll()).contains(reason).doesNotContain(MARKER);
    }

    /** The bot, its history, the events the manager handled, the cluster's objects and what went to Event Grid. */
    private String snapshot() {
        return host.database.query("SELECT state, generation, updated_at FROM bots.bots WHERE id = ?::uuid", bot)
                + " " + host.database.query("SELECT count(*) FROM bots.history WHERE bot_id = ?::uuid", bot)
                + " " + host.database.query("SELECT count(*) FROM bots.handled_events")
                + " " + host.cluster.apps().deployments().inNamespace(FunctionsHost.NAMESPACE).list().getItems().size()
                + " " + host.topic.received.size();
    }

    private String state() {
        return host.database.query("SELECT state FROM bots.bots WHERE id = ?::uuid", bot).get(0).get(0);
    }

    private void deliver(String event) {
        host.botEvents.run(event, TestContext.of("platformEvents"));
    }

    private String sample(String name) {
        try (InputStream in = getClass().getResourceAsStream("/events/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("{{botId}}", bot).replace("{{owner}}", owner);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
