package io.knag.bots.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.knag.bots.BotStartRequested;
import io.knag.bots.BotStatusChanged;
import io.knag.bots.BotStopRequested;
import org.junit.jupiter.api.Test;

/** The bot manager takes the start and stop requests, and no other event type. */
class BotRequestsConsumerTest {

    final BotRequestsConsumer consumer = new BotRequestsConsumer(BotsFixture.inMemory().manager);

    @Test
    void takesStartAndStopRequestsOnly() {
        assertThat(consumer.accepts(BotStartRequested.TYPE)).isTrue();
        assertThat(consumer.accepts(BotStopRequested.TYPE)).isTrue();
        assertThat(consumer.accepts(BotStatusChanged.TYPE)).isFalse();
        assertThat(consumer.accepts("io.knag.bot.explode.requested")).isFalse();
    }
}
