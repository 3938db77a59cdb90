package io.knag.runtime.kubernetes;

import static io.knag.runtime.kubernetes.Blocking.blocking;

import io.fabric8.knative.client.KnativeClient;
import io.fabric8.knative.serving.v1.Service;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.knag.bots.domain.BotKind;
import io.knag.bots.runtime.BotLaunch;
import io.knag.bots.runtime.WorkloadPhase;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Start: makes the cluster hold the launch's workload, idempotently. The same generation already there is left
 * (a Secret or NetworkPolicy lost to an interrupted start is restored); a newer one is left; an older one is
 * replaced. A continuous bot's Deployment is updated in place (its Recreate strategy stops the old pod first).
 * Anything else (a change of kind, a request-driven bot's new generation) removes the old workload entirely,
 * waiting for its pods to be gone, before the new one is created: Knative has no Recreate, and a bot must never
 * run twice.
 */
final class BotProvisioning {

    private static final Logger log = LoggerFactory.getLogger(BotProvisioning.class);

    private final KubernetesClient client;
    private final KnativeClient knative;
    private final KubernetesRuntimeSettings settings;
    private final BotObjects objects;
    private final BotKnativeService knativeServices;
    private final BotInventory inventory;
    private final BotRemoval removal;

    BotProvisioning(KubernetesClient client, KnativeClient knative, KubernetesRuntimeSettings settings,
                    BotInventory inventory, BotRemoval removal) {
        this.client = client;
        this.knative = knative;
        this.settings = settings;
        this.objects = new BotObjects(settings);
        this.knativeServices = new BotKnativeService(objects);
        this.inventory = inventory;
        this.removal = removal;
    }

    Mono<WorkloadPhase> start(BotLaunch launch) {
        return blocking(() -> inventory.of(launch.botId())).flatMap(current -> {
            Optional<HasMetadata> newest = current.newest();
            if (newest.isPresent() && BotLabels.generation(newest.get()) >= launch.generation()) {
                return blocking(() -> keep(launch, newest.get()));
            }
            if (newest.isEmpty()) {
                return blocking(() -> create(launch));
            }
            if (launch.kind() == BotKind.CONTINUOUS && current.service() == null) {
                return blocking(() -> update(launch, current.deployment()));
            }
            log.info("bot {}: generation {} replaces generation {} ({}): removing that first", launch.botId(),
                    launch.generation(), BotLabels.generation(newest.get()), newest.get().getKind());
            return removal.remove(launch.botId()).then(blocking(() -> create(launch)));
        });
    }

    private WorkloadPhase keep(BotLaunch launch, HasMetadata workload) {
        if (BotLabels.generation(workload) == launch.generation() && kindOf(workload) == launch.kind()) {
            completeMissing(launch, workload);
        }
        log.info("bot {}: generation {} already there, left as it is", launch.botId(), BotLabels.generation(workload));
        return inventory.phase(workload);
    }

    /**
     * The workload first (its uid owns the rest), the Secret last: the pod cannot start before its credentials
     * volume exists, so it never runs without its NetworkPolicy.
     */
    private WorkloadPhase create(BotLaunch launch) {
        HasMetadata created = launch.kind() == BotKind.REQUEST_DRIVEN
                ? knative.services().inNamespace(settings.namespace()).resource(knativeServices.service(launch))
                        .createOr(NonDeletingOperation::update)
                : client.apps().deployments().inNamespace(settings.namespace()).resource(objects.deployment(launch))
                        .createOr(NonDeletingOperation::update);
        write(objects.networkPolicy(launch, created), objects.secret(launch, created));
        log.info("bot {}: generation {} created ({})", launch.botId(), launch.generation(), created.getKind());
        return WorkloadPhase.PENDING;
    }

    /** Policy and Secret first, the Deployment last: the rolled pod sees only the new launch's objects. */
    private WorkloadPhase update(BotLaunch launch, Deployment existing) {
        write(objects.networkPolicy(launch, existing), objects.secret(launch, existing));
        client.apps().deployments().inNamespace(settings.namespace()).resource(objects.deployment(launch)).update();
        log.info("bot {}: generation {} replaced generation {}", launch.botId(), launch.generation(),
                BotLabels.generation(existing));
        return WorkloadPhase.PENDING;
    }

    private void write(NetworkPolicy policy, Secret secret) {
        client.network().v1().networkPolicies().inNamespace(settings.namespace()).resource(policy)
                .createOr(NonDeletingOperation::update);
        client.secrets().inNamespace(settings.namespace()).resource(secret).createOr(NonDeletingOperation::update);
    }

    /** A manager that stopped half-way through a start left the workload without its Secret or policy. */
    private void completeMissing(BotLaunch launch, HasMetadata workload) {
        String name = BotLabels.name(launch.botId());
        UUID botId = launch.botId();
        var policies = client.network().v1().networkPolicies().inNamespace(settings.namespace());
        if (policies.withName(name).get() == null) {
            policies.resource(objects.networkPolicy(launch, workload)).createOr(NonDeletingOperation::update);
            log.info("bot {}: NetworkPolicy restored", botId);
        }
        var secrets = client.secrets().inNamespace(settings.namespace());
        if (secrets.withName(name).get() == null) {
            secrets.resource(objects.secret(launch, workload)).createOr(NonDeletingOperation::update);
            log.info("bot {}: Secret restored", botId);
        }
    }

    private static BotKind kindOf(HasMetadata workload) {
        return workload instanceof Service ? BotKind.REQUEST_DRIVEN : BotKind.CONTINUOUS;
    }
}
