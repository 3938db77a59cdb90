package io.knag.runtime.kubernetes;

import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.knag.bots.domain.RestartPolicy;
import io.knag.bots.runtime.Observation.Kind;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a Deployment's status or a pod's container status says of a bot, as pure functions shared by the
 * watch and the inventory. Details name exit codes and the cluster's reasons, never bot output or settings.
 * Deployment pods always restart (Kubernetes allows nothing else there), so the bot's own restart policy is
 * judged here from the restart count and exit codes, and the manager stops the bot when it says FAILED or EXITED.
 */
final class Verdicts {

    record Verdict(Kind kind, String detail) {
    }

    private static final Set<String> IMAGE_FAILURES = Set.of("ErrImagePull", "ImagePullBackOff", "InvalidImageName");

    private Verdicts() {
    }

    /** Available with its current spec: at least one ready pod, and the controller has seen the latest change. */
    static boolean available(Deployment deployment) {
        DeploymentStatus status = deployment.getStatus();
        if (status == null || status.getAvailableReplicas() == null || status.getAvailableReplicas() < 1) {
            return false;
        }
        Long generation = deployment.getMetadata().getGeneration();
        Long observed = status.getObservedGeneration();
        boolean seen = generation == null || observed == null || observed >= generation;
        return seen && (status.getUpdatedReplicas() == null || status.getUpdatedReplicas() >= 1);
    }

    /** FAILED when the Deployment gave up progressing (unschedulable, quota, never ready). */
    static Optional<Verdict> stalled(Deployment deployment) {
        DeploymentStatus status = deployment.getStatus();
        return status == null || status.getConditions() == null ? Optional.empty() : status.getConditions().stream()
                .filter(c -> "Progressing".equals(c.getType()) && "False".equals(c.getStatus()))
                .findFirst()
                .map(c -> new Verdict(Kind.FAILED, "it did not start in time (" + c.getReason() + ")"));
    }

    /** FAILED or EXITED when the pod's bot container is past what its restart policy allows. */
    static Optional<Verdict> terminal(Pod pod) {
        Optional<ContainerStatus> found = container(pod);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ContainerStatus status = found.get();
        RestartPolicy policy = BotLabels.restartPolicy(pod);
        String waiting = status.getState() == null || status.getState().getWaiting() == null
                ? null : status.getState().getWaiting().getReason();
        if (waiting != null && IMAGE_FAILURES.contains(waiting)) {
            return Optional.of(new Verdict(Kind.FAILED, "the image cannot be pulled (" + waiting + ")"));
        }
        int restarts = restarts(pod);
        if (restarts > policy.maxRestarts() && !policy.mode().equals("never")) {
            return Optional.of(new Verdict(Kind.FAILED, "crashed " + restarts + " times, last " + lastExit(pod)
                    + (waiting == null ? "" : " (" + waiting + ")")));
        }
        ContainerStateTerminated exit = lastTermination(status);
        if (exit == null || exit.getExitCode() == null || policy.mode().equals("always")) {
            return Optional.empty();
        }
        if (exit.getExitCode() == 0) {
            return Optional.of(new Verdict(Kind.EXITED, "exited with code 0"));
        }
        return policy.mode().equals("never")
                ? Optional.of(new Verdict(Kind.FAILED, "crashed: " + lastExit(pod)))
                : Optional.empty();
    }

    static int restarts(Pod pod) {
        return container(pod).map(ContainerStatus::getRestartCount).orElse(0);
    }

    /** "exit code 1 (Error)", from the bot container's current or last termination. */
    static String lastExit(Pod pod) {
        ContainerStateTerminated exit = container(pod).map(Verdicts::lastTermination).orElse(null);
        if (exit == null || exit.getExitCode() == null) {
            return "exit code unknown";
        }
        return "exit code " + exit.getExitCode() + (exit.getReason() == null ? "" : " (" + exit.getReason() + ")");
    }

    private static ContainerStateTerminated lastTermination(ContainerStatus status) {
        if (status.getState() != null && status.getState().getTerminated() != null) {
            return status.getState().getTerminated();
        }
        return status.getLastState() == null ? null : status.getLastState().getTerminated();
    }

    private static Optional<ContainerStatus> container(Pod pod) {
        List<ContainerStatus> statuses = pod.getStatus() == null ? null : pod.getStatus().getContainerStatuses();
        if (statuses == null) {
            return Optional.empty();
        }
        return statuses.stream().filter(s -> BotLabels.CONTAINER.equals(s.getName())).findFirst()
                .or(() -> statuses.stream().findFirst());
    }
}
