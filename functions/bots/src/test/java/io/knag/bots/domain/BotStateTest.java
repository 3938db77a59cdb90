package io.knag.bots.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BotStateTest {

    static final Map<BotState, Set<BotState>> ALLOWED = Map.of(
            BotState.CREATED, EnumSet.of(BotState.STARTING),
            BotState.STARTING, EnumSet.of(BotState.RUNNING, BotState.STOPPING, BotState.FAILED),
            BotState.RUNNING, EnumSet.of(BotState.RUNNING, BotState.STOPPING, BotState.STOPPED, BotState.FAILED),
            BotState.STOPPING, EnumSet.of(BotState.STOPPED),
            BotState.STOPPED, EnumSet.of(BotState.STARTING),
            BotState.FAILED, EnumSet.of(BotState.STARTING));

    @Test
    void everyTransitionIsAllowedExactlyAsTheLifecycleSays() {
        for (BotState from : BotState.values()) {
            for (BotState to : BotState.values()) {
                assertThat(from.canMoveTo(to)).as(from + " -> " + to).isEqualTo(ALLOWED.get(from).contains(to));
            }
        }
    }

    @Test
    void onlyStatesWithoutAWorkloadAreAtRest() {
        assertThat(EnumSet.allOf(BotState.class).stream().filter(BotState::isAtRest))
                .containsExactlyInAnyOrder(BotState.CREATED, BotState.STOPPED, BotState.FAILED);
        assertThat(EnumSet.allOf(BotState.class).stream().filter(BotState::isActive))
                .containsExactlyInAnyOrder(BotState.STARTING, BotState.RUNNING, BotState.STOPPING);
    }

    @Test
    void aStoppingBotCanNeitherStartNorFailButOnlyStop() {
        assertThat(BotState.STOPPING.canMoveTo(BotState.STARTING)).isFalse();
        assertThat(BotState.STOPPING.canMoveTo(BotState.RUNNING)).isFalse();
        assertThat(BotState.STOPPED.canMoveTo(BotState.RUNNING)).isFalse();
    }
}
