package io.knag.runtime.kubernetes;

import static io.knag.runtime.kubernetes.BotFixtures.launch;
import static io.knag.runtime.kubernetes.BotFixtures.pod;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.knag.bots.domain.RestartPolicy;
import io.knag.bots.runtime.Observation.Kind;
import io.knag.runtime.kubernetes.Verdicts.Verdict;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class VerdictsTest {

    private final UUID botId = UUID.randomUUID();

    @Test
    void restartsUpToTheLimitAreNoVerdictAndOneMoreIsFailed() {
        var launch = launch(botId, 1, new RestartPolicy("always", 2));

        assertThat(Verdicts.terminal(pod(launch, "p", 2, 1, null))).isEmpty();
        assertThat(Verdicts.terminal(pod(launch, "p", 3, 1, "CrashLoopBackOff")))
                .contains(new Verdict(Kind.FAILED, "crashed 3 times, last exit code 1 (Error) (CrashLoopBackOff)"));
    }

    @Test
    void aCleanExitEndsOnFailureAndNeverBotsButNotAlwaysBots() {
        assertThat(Verdicts.terminal(pod(launch(botId, 1, new RestartPolicy("on-failure", 5)), "p", 1, 0, null)))
                .contains(new Verdict(Kind.EXITED, "exited with code 0"));
        assertThat(Verdicts.terminal(pod(launch(botId, 1, new RestartPolicy("never", 0)), "p", 1, 0, null)))
                .contains(new Verdict(Kind.EXITED, "exited with code 0"));
        assertThat(Verdicts.terminal(pod(launch(botId, 1, new RestartPolicy("always", 5)), "p", 1, 0, null))).isEmpty();
    }

    @Test
    void anyCrashOfANeverBotIsFailedWhileAnOnFailureBotMayRestart() {
        assertThat(Verdicts.terminal(pod(launch(botId, 1, new RestartPolicy("never", 0)), "p", 1, 2, null)))
                .contains(new Verdict(Kind.FAILED, "crashed: exit code 2 (Error)"));
        assertThat(Verdicts.terminal(pod(launch(botId, 1, new RestartPolicy("on-failure", 5)), "p", 1, 2, null))).isEmpty();
    }

    @Test
    void aPullFailureIsFailedWhateverThePolicy() {
        assertThat(Verdicts.terminal(pod(launch(botId, 1), "p", 0, null, "ErrImagePull")))
                .contains(new Verdict(Kind.FAILED, "the image cannot be pulled (ErrImagePull)"));
    }

    @Test
    void aDeploymentIsAvailableOnlyOnceItsControllerHasSeenTheLatestSpec() {
        assertThat(Verdicts.available(deployment(2L, 1L, 1))).isFalse();
        assertThat(Verdicts.available(deployment(2L, 2L, 1))).isTrue();
        assertThat(Verdicts.available(deployment(2L, 2L, 0))).isFalse();
        assertThat(Verdicts.available(new Deployment())).isFalse();
    }

    @Test
    void aDeploymentThatStoppedProgressingIsFailed() {
        Deployment stuck = new DeploymentBuilder(deployment(1L, 1L, 0)).editStatus()
                .addNewCondition().withType("Progressing").withStatus("False").withReason("ProgressDeadlineExceeded")
                .endCondition().endStatus().build();

        assertThat(Verdicts.stalled(stuck)).contains(new Verdict(Kind.FAILED, "it did not start in time (ProgressDeadlineExceeded)"));
        assertThat(Verdicts.stalled(deployment(1L, 1L, 1))).isEqualTo(Optional.empty());
    }

    private static Deployment deployment(Long generation, Long observed, int available) {
        return new DeploymentBuilder().withNewMetadata().withName("d").withGeneration(generation).endMetadata()
                .withNewStatus().withObservedGeneration(observed).withAvailableReplicas(available).endStatus().build();
    }
}
