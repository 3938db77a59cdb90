package io.knag.bots.domain;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.knag.kernel.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class QuotasTest {

    final UserId owner = new UserId(UUID.randomUUID());
    final Quotas quotas = new Quotas(3, 2, 1000, 1024);

    Bot bot(BotState state, String cpu, String memory) {
        var definition = new BotDefinition("b", "knag/heartbeat-bot", UUID.randomUUID(), BotParams.EMPTY,
                new Resources(cpu, memory), RestartPolicy.DEFAULT, BotKind.CONTINUOUS);
        return new Bot(UUID.randomUUID(), owner, definition, state, 0, false, Instant.EPOCH, Instant.EPOCH);
    }

    @Test
    void definingMoreBotsThanAllowedIsRefused() {
        assertThatCode(() -> quotas.checkCreate(2)).doesNotThrowAnyException();
        assertThatThrownBy(() -> quotas.checkCreate(3)).hasMessageContaining("at most 3 bots");
    }

    @Test
    void startingAndStoppingBotsCountAsRunning() {
        Bot next = bot(BotState.STOPPED, "100m", "64Mi");
        assertThatCode(() -> quotas.checkStart(List.of(bot(BotState.RUNNING, "100m", "64Mi"), bot(BotState.FAILED,
                "100m", "64Mi"), bot(BotState.CREATED, "100m", "64Mi")), next)).doesNotThrowAnyException();
        for (BotState busy : List.of(BotState.STARTING, BotState.RUNNING, BotState.STOPPING)) {
            List<Bot> bots = List.of(bot(BotState.RUNNING, "100m", "64Mi"), bot(busy, "100m", "64Mi"));
            assertThatThrownBy(() -> quotas.checkStart(bots, next)).hasMessageContaining("at most 2 bots at once");
        }
    }

    @Test
    void theRunningBotsTogetherStayWithinCpuAndMemory() {
        List<Bot> bots = new ArrayList<>(List.of(bot(BotState.RUNNING, "600m", "512Mi")));
        assertThatCode(() -> quotas.checkStart(bots, bot(BotState.STOPPED, "400m", "512Mi"))).doesNotThrowAnyException();
        assertThatThrownBy(() -> quotas.checkStart(bots, bot(BotState.STOPPED, "401m", "64Mi"))).hasMessageContaining("CPU");
        assertThatThrownBy(() -> quotas.checkStart(bots, bot(BotState.STOPPED, "100m", "513Mi"))).hasMessageContaining("memory");
    }

    @Test
    void aBotIsNotCountedTwiceWhenItIsTheOneStarting() {
        Bot failed = bot(BotState.FAILED, "1", "1Gi");
        assertThatCode(() -> quotas.checkStart(List.of(failed), failed)).doesNotThrowAnyException();
    }
}
