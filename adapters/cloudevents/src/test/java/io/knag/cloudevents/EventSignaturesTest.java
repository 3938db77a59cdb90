package io.knag.cloudevents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class EventSignaturesTest {

    /** Test fixtures: two deployments' keys. */
    static final EventSignatures KEY = EventSignatures.withKey("dGVzdCBmaXh0dXJlOiBrbmFnIGV2ZW50cyBrZXkgMzI=");
    static final EventSignatures OTHER = EventSignatures.withKey("YW5vdGhlciBkZXBsb3ltZW50J3Mga2V5LCAzMiBieXQ=");

    final CloudEvent event = CloudEventBuilder.v1().withId("0190b8a0-0000-7000-8000-000000000001")
            .withSource(URI.create("/knag/identity")).withType("io.knag.user.deleted").withSubject("user-1")
            .withTime(OffsetDateTime.parse("2026-12-07T10:00:00.123456Z")).withDataContentType("application/json")
            .withData("{\"userId\":\"user-1\"}".getBytes(StandardCharsets.UTF_8)).build();

    @Test
    void aSignatureVerifiesUnderItsKeyOnly() {
        CloudEvent signed = signed(event, KEY);
        assertThat(KEY.verifies(signed)).isTrue();
        assertThat(OTHER.verifies(signed)).isFalse();
        assertThat(KEY.verifies(event)).as("unsigned").isFalse();
        assertThat(KEY.sign(event)).startsWith("v1=").isEqualTo(KEY.sign(event)).isNotEqualTo(OTHER.sign(event));
    }

    @Test
    void changingAnySignedPartBreaksTheSignature() {
        String signature = KEY.sign(event);
        List<UnaryOperator<CloudEventBuilder>> changes = List.of(
                b -> b.withId("0190b8a0-0000-7000-8000-000000000002"),
                b -> b.withSource(URI.create("/knag/bots")),
                b -> b.withType("io.knag.bot.stop.requested"),
                b -> b.withSubject("user-2"),
                b -> b.withTime(OffsetDateTime.parse("2026-12-07T10:00:00.123457Z")),
                b -> b.withDataContentType("application/json; charset=utf-8"),
                b -> b.withData("{\"userId\":\"user-2\"}".getBytes(StandardCharsets.UTF_8)));
        for (UnaryOperator<CloudEventBuilder> change : changes) {
            CloudEvent changed = change.apply(CloudEventBuilder.from(event)).withExtension(EventSignatures.EXTENSION, signature)
                    .build();
            assertThat(KEY.verifies(changed)).as(changed.toString()).isFalse();
        }
        CloudEvent sameInstantOtherOffset = CloudEventBuilder.from(event)
                .withTime(OffsetDateTime.parse("2026-12-07T11:00:00.123456+01:00"))
                .withExtension(EventSignatures.EXTENSION, signature).build();
        assertThat(KEY.verifies(sameInstantOtherOffset)).as("the time is signed as an instant").isTrue();
    }

    @Test
    void malformedSignaturesDoNotVerify() {
        for (String bad : new String[] {"", "v1=", "v1=!!!", "v2=" + KEY.sign(event).substring(3), KEY.sign(event) + "A"}) {
            CloudEvent claimed = CloudEventBuilder.from(event).withExtension(EventSignatures.EXTENSION, bad).build();
            assertThat(KEY.verifies(claimed)).as(bad).isFalse();
        }
    }

    @Test
    void aKeyMustBeBase64OfAtLeast32Bytes() {
        assertThatThrownBy(() -> EventSignatures.withKey("c2hvcnQ=")).hasMessageContaining("at least 32");
        assertThatThrownBy(() -> EventSignatures.withKey("not base64 at all")).hasMessageContaining("base64");
    }

    @Test
    void aSigningBindingSignsWhatItWritesAndRefusesWhatIsNotSigned() {
        var codec = new EventCodec(List.of(new io.knag.kernel.events.EventType("io.knag.user.deleted", "/knag/identity",
                io.knag.identity.UserDeleted.class)));
        var signing = new HttpBinding(codec, KEY);
        var other = new HttpBinding(codec, OTHER);
        var event = new io.knag.kernel.events.Event(java.util.UUID.randomUUID(), "io.knag.user.deleted", "/knag/identity",
                "u", java.time.Instant.parse("2026-12-07T10:00:00Z"),
                new io.knag.identity.UserDeleted(java.util.UUID.randomUUID(),
                        java.time.Instant.parse("2026-12-07T10:00:00Z")));
        HttpBinding.Message message = signing.write(event);
        assertThat(message.headers()).containsKey("ce-" + EventSignatures.EXTENSION);
        var headers = new java.util.HashMap<String, List<String>>();
        message.headers().forEach((name, value) -> headers.put(name, List.of(value)));
        assertThat(signing.read(headers, message.body())).isEqualTo(event);
        assertThatThrownBy(() -> other.read(headers, message.body())).isInstanceOf(EventNotSigned.class);
        var unsigned = new java.util.HashMap<String, List<String>>();
        new HttpBinding(codec).write(event).headers().forEach((name, value) -> unsigned.put(name, List.of(value)));
        assertThatThrownBy(() -> signing.read(unsigned, message.body())).isInstanceOf(EventNotSigned.class);
    }

    private static CloudEvent signed(CloudEvent event, EventSignatures key) {
        return CloudEventBuilder.from(event).withExtension(EventSignatures.EXTENSION, key.sign(event)).build();
    }
}
