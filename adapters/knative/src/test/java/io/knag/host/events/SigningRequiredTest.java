package io.knag.host.events;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.knag.cloudevents.EventCodec;
import io.knag.cloudevents.EventSignatures;
import io.knag.cloudevents.HttpBinding;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/** Events that go through a broker must be signed: without a key, neither the sink nor the publisher is made. */
class SigningRequiredTest {

    final EventCodec codec = new EventCodec(List.of());

    @Test
    void aBindingWithoutAKeyIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> EventsConfiguration.requireSigning(new HttpBinding(codec)))
                .isInstanceOfSatisfying(InvalidConfigurationPropertyValueException.class, e ->
                        org.assertj.core.api.Assertions.assertThat(e.getName()).isEqualTo("knag.events.signing-key"));
        assertThatCode(() -> EventsConfiguration.requireSigning(new HttpBinding(codec,
                EventSignatures.withKey(KnativeEventsJourneyTest.SIGNING_KEY)))).doesNotThrowAnyException();
    }
}
