package io.knag.runtime.kubernetes;

import io.fabric8.knative.pkg.apis.Condition;
import io.fabric8.knative.serving.v1.Service;
import io.knag.bots.runtime.Observation.Kind;
import io.knag.bots.runtime.WorkloadPhase;
import io.knag.runtime.kubernetes.Verdicts.Verdict;
import java.util.Optional;
import java.util.Set;

/**
 * What a request-driven bot's Knative Service says through its {@code Ready} condition, as pure functions shared
 * by the watch, the inventory and start. Ready True is running, also when scaled to zero between requests.
 * Ready False is a failure only for the reasons below (a revision that cannot run); anything else (Unknown, no
 * condition yet, another reason) is still pending, and the manager's launch timeout decides. Details hold the
 * reason only: Knative's message can quote the container's termination message, which is bot output.
 */
final class KnativeVerdicts {

    static final Set<String> FAILURES = Set.of("RevisionFailed", "RevisionMissing", "ContainerMissing", "ExitCode",
            "ProgressDeadlineExceeded", "Unschedulable", "ErrImagePull", "ImagePullBackOff", "InvalidImageName");

    private KnativeVerdicts() {
    }

    /** Ready True for its current spec (the controller has seen the latest change). */
    static boolean ready(Service service) {
        Long generation = service.getMetadata() == null ? null : service.getMetadata().getGeneration();
        Long observed = service.getStatus() == null ? null : service.getStatus().getObservedGeneration();
        boolean seen = generation == null || observed == null || observed >= generation;
        return seen && readyCondition(service).map(c -> "True".equals(c.getStatus())).orElse(false);
    }

    /** FAILED when Ready is False for a reason that says the revision cannot run. */
    static Optional<Verdict> failed(Service service) {
        return readyCondition(service)
                .filter(c -> "False".equals(c.getStatus()) && FAILURES.contains(c.getReason()))
                .map(c -> new Verdict(Kind.FAILED, "its Knative Service cannot run (" + c.getReason() + ")"));
    }

    static WorkloadPhase phase(Service service) {
        if (failed(service).isPresent()) {
            return WorkloadPhase.FAILED;
        }
        return ready(service) ? WorkloadPhase.RUNNING : WorkloadPhase.PENDING;
    }

    private static Optional<Condition> readyCondition(Service service) {
        if (service.getStatus() == null || service.getStatus().getConditions() == null) {
            return Optional.empty();
        }
        return service.getStatus().getConditions().stream().filter(c -> "Ready".equals(c.getType())).findFirst();
    }
}
