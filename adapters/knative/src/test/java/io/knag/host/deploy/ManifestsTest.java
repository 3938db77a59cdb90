package io.knag.host.deploy;

import static io.knag.host.deploy.Manifests.annotations;
import static io.knag.host.deploy.Manifests.container;
import static io.knag.host.deploy.Manifests.grants;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.fabric8.knative.duck.v1.DeliverySpec;
import io.fabric8.knative.duck.v1.KReference;
import io.fabric8.knative.eventing.v1.Broker;
import io.fabric8.knative.eventing.v1.Trigger;
import io.fabric8.knative.serving.v1.RevisionSpec;
import io.fabric8.knative.serving.v1.Service;
import io.fabric8.knative.sources.v1.SinkBinding;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What docs/architecture.md and the runtime's README ask of the cluster deployment, checked on the manifests under
 * {@code deploy/} as fabric8 reads them: no cluster is needed.
 */
class ManifestsTest {

    static final Manifests deploy = Manifests.load();
    static final Set<String> FUNCTION_SERVICES = Set.of("knag-accounts", "knag-bots");

    @Test
    void everyDocumentIsAKnownKubernetesOrKnativeObjectInAKnagNamespace() {
        assertThat(deploy.all()).isNotEmpty().noneMatch(GenericKubernetesResource.class::isInstance);
        assertThat(deploy.all(Namespace.class)).extracting(n -> n.getMetadata().getName())
                .containsExactlyInAnyOrder("knag", "knag-bots");
        assertThat(deploy.all()).filteredOn(o -> !(o instanceof Namespace))
                .allSatisfy(o -> assertThat(o.getMetadata().getNamespace()).as(describe(o)).isIn("knag", "knag-bots"));
        assertThat(deploy.all()).as("the knag-config Secret is made by the operator, never kept here")
                .noneMatch(o -> "Secret".equals(o.getKind()));
    }

    @Test
    void theBotsNamespaceEnforcesTheRestrictedPodSecurityStandard() {
        assertThat(deploy.named(Namespace.class, "knag-bots").getMetadata().getLabels())
                .containsEntry("pod-security.kubernetes.io/enforce", "restricted");
    }

    @Test
    void everyKnativeServiceScalesToZeroAndHasAnUpperBound() {
        assertThat(deploy.all(Service.class)).hasSize(3).allSatisfy(service -> {
            assertThat(annotations(service)).as(describe(service))
                    .containsEntry("autoscaling.knative.dev/min-scale", "0")
                    .containsKey("autoscaling.knative.dev/max-scale");
            assertThat(Integer.parseInt(annotations(service).get("autoscaling.knative.dev/max-scale"))).isPositive();
        });
    }

    @Test
    void everyKnativeServiceHasCpuAndMemoryRequestsAndLimits() {
        assertThat(deploy.all(Service.class)).allSatisfy(service -> {
            var resources = container(service).getResources();
            assertThat(resources.getRequests()).as(describe(service)).containsKeys("cpu", "memory");
            assertThat(resources.getLimits()).as(describe(service)).containsKeys("cpu", "memory");
        });
    }

    @Test
    void everyKnativeServiceRunsNonRootOnAReadOnlyRootFilesystemWithoutCapabilities() {
        assertThat(deploy.all(Service.class)).allSatisfy(service -> {
            SecurityContext security = container(service).getSecurityContext();
            assertThat(security).as(describe(service)).isNotNull();
            assertThat(security.getRunAsNonRoot()).isTrue();
            assertThat(security.getRunAsUser()).isNotNull().isNotZero();
            assertThat(security.getReadOnlyRootFilesystem()).isTrue();
            assertThat(security.getAllowPrivilegeEscalation()).isFalse();
            assertThat(security.getPrivileged()).isNotEqualTo(Boolean.TRUE);
            assertThat(security.getCapabilities().getDrop()).containsExactly("ALL");
            assertThat(security.getCapabilities().getAdd()).isNullOrEmpty();
            assertThat(security.getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
        });
    }

    @Test
    void aJobMigratesOnceAndNoServiceMigratesOnAColdStart() {
        var job = deploy.named(io.fabric8.kubernetes.api.model.batch.v1.Job.class, "knag-migrate");
        var migrate = job.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(migrate.getArgs()).containsExactly("--knag.command=migrate");
        assertThat(migrate.getEnv()).anySatisfy(env -> {
            assertThat(env.getName()).isEqualTo("KNAG_DATABASE_MIGRATE");
            assertThat(env.getValue()).isEqualTo("true");
        });
        assertThat(migrate.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        for (String name : List.of("knag-accounts", "knag-bots")) {
            assertThat(container(deploy.named(Service.class, name)).getEnv()).as(name).anySatisfy(env -> {
                assertThat(env.getName()).isEqualTo("KNAG_DATABASE_MIGRATE");
                assertThat(env.getValue()).isEqualTo("false");
            });
        }
    }

    @Test
    void everyKnativeServiceIsReachableOnlyInsideTheCluster() {
        assertThat(deploy.all(Service.class)).allSatisfy(service -> assertThat(service.getMetadata().getLabels())
                .as(describe(service)).containsEntry("networking.knative.dev/visibility", "cluster-local"));
    }

    @Test
    void theFunctionServicesProbeActuatorHealthAndWriteOnlyToAnEmptyDirTmp() {
        for (String name : FUNCTION_SERVICES) {
            Service service = deploy.named(Service.class, name);
            RevisionSpec spec = service.getSpec().getTemplate().getSpec();
            Container container = container(service);
            assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/readiness");
            assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/liveness");
            assertThat(container.getVolumeMounts()).extracting(VolumeMount::getMountPath).containsExactly("/tmp");
            Volume tmp = spec.getVolumes().stream()
                    .filter(v -> v.getName().equals(container.getVolumeMounts().get(0).getName())).findFirst().orElseThrow();
            assertThat(tmp.getEmptyDir()).as(name + " /tmp").isNotNull();
            assertThat(spec.getTimeoutSeconds()).as(name).isPositive();
            assertThat(spec.getContainerConcurrency()).as(name).isPositive();
            assertThat(annotations(service)).as(name).containsKey("autoscaling.knative.dev/target");
            assertThat(env(container)).as(name).containsEntry("KNAG_BIND_ADDRESS", "0.0.0.0");
        }
    }

    @Test
    void theBotsServiceRunsTheKubernetesRuntimeAsTheBotManagerAndServesOnlyItsOwnRoutes() {
        Service bots = deploy.named(Service.class, "knag-bots");
        assertThat(bots.getSpec().getTemplate().getSpec().getServiceAccountName()).isEqualTo("knag-bot-manager");
        assertThat(env(container(bots))).containsEntry("KNAG_BOTS_RUNTIME", "kubernetes")
                .containsEntry("KNAG_HTTP_IDENTITY", "false").containsEntry("KNAG_HTTP_VAULT", "false");
        String settings = container(bots).getEnvFrom().get(0).getConfigMapRef().getName();
        assertThat(deploy.named(ConfigMap.class, settings).getData())
                .containsKey("KNAG_BOTS_IMAGE_ALLOWLIST")
                .containsEntry("KNAG_RUNTIME_KUBERNETES_NAMESPACE", botManagerRole().getMetadata().getNamespace());
    }

    @Test
    void theAccountsServiceHasNoKubernetesTokenAndNoBotManagerKey() {
        Service accounts = deploy.named(Service.class, "knag-accounts");
        RevisionSpec spec = accounts.getSpec().getTemplate().getSpec();
        assertThat(spec.getServiceAccountName()).isEqualTo("knag-accounts");
        assertThat(spec.getAutomountServiceAccountToken()).isFalse();
        assertThat(deploy.named(ServiceAccount.class, "knag-accounts").getAutomountServiceAccountToken()).isFalse();
        assertThat(secretKeys(container(accounts))).doesNotContain("KNAG_BOTS_MANAGER_PRIVATE_KEY");
        assertThat(secretKeys(container(deploy.named(Service.class, "knag-bots"))))
                .contains("KNAG_BOTS_MANAGER_PRIVATE_KEY");
    }

    @Test
    void secretSettingsComeOnlyFromTheKnagConfigSecret() {
        Set<String> secret = Set.of("KNAG_DATABASE_URL", "KNAG_DATABASE_USERNAME", "KNAG_DATABASE_PASSWORD",
                "KNAG_IDENTITY_KEY_ENCRYPTION_KEY", "KNAG_TOKENS_ISSUER", "KNAG_EVENTS_SIGNING_KEY");
        for (String name : FUNCTION_SERVICES) {
            Container container = container(deploy.named(Service.class, name));
            assertThat(secretKeys(container)).as(name).containsAll(secret);
            assertThat(container.getEnv()).filteredOn(e -> e.getValueFrom() != null)
                    .allSatisfy(e -> assertThat(e.getValueFrom().getSecretKeyRef().getName()).isEqualTo("knag-config"));
            assertThat(container.getEnv()).filteredOn(e -> e.getName().endsWith("_KEY") || e.getName().endsWith("PASSWORD"))
                    .allSatisfy(e -> assertThat(e.getValue()).as(e.getName() + " as a literal").isNull());
        }
        assertThat(deploy.all(ConfigMap.class)).allSatisfy(map -> assertThat(map.getData().keySet())
                .noneMatch(key -> key.endsWith("_KEY") || key.contains("PASSWORD") || key.contains("DATABASE_URL")));
    }

    @Test
    void everyTriggerFiltersByTypeAndDeliversToAFunctionServiceAtEvents() {
        assertThat(deploy.all(Trigger.class)).isNotEmpty().allSatisfy(trigger -> {
            var spec = trigger.getSpec();
            assertThat(spec.getBroker()).isEqualTo("knag");
            assertThat(spec.getFilter().getAttributes()).as(describe(trigger)).containsOnlyKeys("type");
            assertThat(spec.getFilter().getAttributes().get("type")).startsWith("io.knag.");
            KReference ref = spec.getSubscriber().getRef();
            assertThat(ref.getApiVersion()).isEqualTo("serving.knative.dev/v1");
            assertThat(ref.getKind()).isEqualTo("Service");
            assertThat(ref.getName()).isIn(FUNCTION_SERVICES);
            assertThat(spec.getSubscriber().getUri()).isEqualTo("/events");
            assertThat(spec.getDelivery()).as("a Trigger keeps the broker's retries and dead-letter sink").isNull();
        });
    }

    @Test
    void eachEventTypeReachesExactlyItsConsumers() {
        Map<String, Set<String>> subscribers = new TreeMap<>();
        for (Trigger trigger : deploy.all(Trigger.class)) {
            subscribers.computeIfAbsent(trigger.getSpec().getFilter().getAttributes().get("type"), k -> new TreeSet<>())
                    .add(trigger.getSpec().getSubscriber().getRef().getName());
        }
        assertThat(subscribers).isEqualTo(Map.of(
                "io.knag.bot.start.requested", Set.of("knag-bots"),
                "io.knag.bot.stop.requested", Set.of("knag-bots"),
                "io.knag.user.deleted", Set.of("knag-bots", "knag-accounts")));
        assertThat(deploy.all(Trigger.class)).extracting(t -> t.getMetadata().getName()).doesNotHaveDuplicates();
    }

    @Test
    void theBrokerRetriesWithExponentialBackoffThenDeadLettersToAServiceNoTriggerFeeds() {
        Broker broker = deploy.named(Broker.class, "knag");
        DeliverySpec delivery = broker.getSpec().getDelivery();
        assertThat(delivery.getRetry()).isEqualTo(5);
        assertThat(delivery.getBackoffPolicy()).isEqualTo("exponential");
        assertThat(delivery.getBackoffDelay()).isEqualTo("PT0.2S");
        KReference deadLetters = delivery.getDeadLetterSink().getRef();
        assertThat(deadLetters.getKind()).isEqualTo("Service");
        assertThat(deploy.named(Service.class, deadLetters.getName())).isNotNull();
        assertThat(deadLetters.getName()).isNotIn(FUNCTION_SERVICES);
    }

    @Test
    void theSinkBindingGivesEveryPublishingServiceAndNoOtherTheBrokerAsKSink() {
        assertThat(deploy.all(SinkBinding.class)).hasSize(1);
        SinkBinding binding = deploy.all(SinkBinding.class).get(0);
        KReference sink = binding.getSpec().getSink().getRef();
        assertThat(sink.getApiVersion()).isEqualTo("eventing.knative.dev/v1");
        assertThat(sink.getKind()).isEqualTo("Broker");
        assertThat(sink.getName()).isEqualTo(deploy.named(Broker.class, "knag").getMetadata().getName());
        var subject = binding.getSpec().getSubject();
        assertThat(subject.getApiVersion()).isEqualTo("serving.knative.dev/v1");
        assertThat(subject.getKind()).isEqualTo("Service");
        Map<String, String> selector = subject.getSelector().getMatchLabels();
        Set<String> bound = deploy.all(Service.class).stream()
                .filter(s -> s.getMetadata().getLabels().entrySet().containsAll(selector.entrySet()))
                .map(s -> s.getMetadata().getName()).collect(Collectors.toSet());
        assertThat(bound).isEqualTo(FUNCTION_SERVICES);
    }

    @Test
    void noClusterWideRbacAndNoWildcards() {
        assertThat(deploy.all()).extracting(HasMetadata::getKind).doesNotContain("ClusterRole", "ClusterRoleBinding");
        assertThat(deploy.all(Role.class)).flatExtracting(Role::getRules).allSatisfy(rule -> {
            assertThat(rule.getVerbs()).doesNotContain("*");
            assertThat(rule.getResources()).doesNotContain("*").noneMatch(r -> r.endsWith("/*"));
            assertThat(rule.getApiGroups()).doesNotContain("*");
            assertThat(rule.getResourceNames()).isNullOrEmpty();
        });
    }

    @Test
    void theBotManagerRoleGrantsExactlyWhatTheKubernetesRuntimeDocumentsPlusKnativeServices() {
        Role documented = Manifests.documentedRuntimeRole();
        Set<String> knativeServices = Set.of("get", "list", "watch", "create", "update", "patch", "delete");
        Map<String, Set<String>> expected = grants(documented.getRules());
        assertThat(expected.getOrDefault("serving.knative.dev/services", knativeServices))
                .as("the README's verbs on Knative Services, if it lists them").isEqualTo(knativeServices);
        expected.put("serving.knative.dev/services", knativeServices);
        assertThat(grants(botManagerRole().getRules())).isEqualTo(expected);
        assertThat(botManagerRole().getMetadata().getName()).isEqualTo(documented.getMetadata().getName());
    }

    @Test
    void theBotManagerCanReadSecretsByNameButNeverListOrWatchThem() {
        assertThat(grants(botManagerRole().getRules()).get("/secrets"))
                .contains("get", "create", "update", "delete").doesNotContain("list", "watch");
    }

    @Test
    void theOnlyRoleIsInTheBotsNamespaceAndBindsOnlyTheBotManager() {
        assertThat(deploy.all(Role.class)).hasSize(1);
        assertThat(botManagerRole().getMetadata().getNamespace()).isEqualTo("knag-bots");
        List<RoleBinding> bindings = deploy.all(RoleBinding.class);
        assertThat(bindings).hasSize(1);
        RoleBinding binding = bindings.get(0);
        assertThat(binding.getMetadata().getNamespace()).isEqualTo("knag-bots");
        assertThat(binding.getRoleRef().getKind()).isEqualTo("Role");
        assertThat(binding.getRoleRef().getName()).isEqualTo(botManagerRole().getMetadata().getName());
        assertThat(binding.getSubjects()).extracting(Subject::getKind, Subject::getName, Subject::getNamespace)
                .containsExactly(tuple("ServiceAccount", "knag-bot-manager", "knag"));
        assertThat(deploy.named(ServiceAccount.class, "knag-bot-manager").getMetadata().getNamespace()).isEqualTo("knag");
    }

    @Test
    void theAccountsServiceAccountIsBoundToNothing() {
        assertThat(deploy.all(RoleBinding.class)).flatExtracting(RoleBinding::getSubjects)
                .extracting(Subject::getName).doesNotContain("knag-accounts", "default");
    }

    private static Role botManagerRole() {
        return deploy.named(Role.class, "knag-bot-manager");
    }

    private static Map<String, String> env(Container container) {
        return container.getEnv().stream().filter(e -> e.getValue() != null)
                .collect(Collectors.toMap(EnvVar::getName, EnvVar::getValue));
    }

    private static Set<String> secretKeys(Container container) {
        return container.getEnv().stream().filter(e -> e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null)
                .map(e -> e.getValueFrom().getSecretKeyRef().getKey()).collect(Collectors.toSet());
    }

    private static String describe(HasMetadata object) {
        return object.getKind() + " " + object.getMetadata().getName();
    }
}
