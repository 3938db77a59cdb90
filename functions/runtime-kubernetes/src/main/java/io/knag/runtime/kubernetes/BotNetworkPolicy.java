package io.knag.runtime.kubernetes;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRuleBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.knag.bots.domain.BotKind;
import io.knag.bots.runtime.BotLaunch;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A bot's NetworkPolicy: it may resolve names (port 53, UDP and TCP) and open TCP connections to the configured
 * ports of public addresses only (by default 443 anywhere but the private, link-local and cluster ranges), and to
 * the platform's pods that take its reports ({@code knag.runtime.kubernetes.report-to}), on that one port.
 * Nothing may connect to a continuous bot. A request-driven bot's pod takes requests from Knative Serving only:
 * the activator (in the {@code knative-serving} namespace) reaches its queue-proxy sidecar, which hands them to
 * the bot's container port, and the autoscaler reads the queue-proxy's metrics. Plain NetworkPolicy knows
 * addresses, not names: narrowing a bot to its broker's host name needs an FQDN-aware CNI (Cilium
 * {@code toFQDNs}, Calico DNS policy).
 */
final class BotNetworkPolicy {

    static final String KNATIVE_SERVING_NAMESPACE = "knative-serving";
    /** The queue-proxy's HTTP/1 and h2c ports (what the activator dials) and its autoscaling metrics port. */
    static final List<Integer> QUEUE_PROXY_PORTS = List.of(8012, 8013, 9090);

    private final KubernetesRuntimeSettings settings;

    BotNetworkPolicy(KubernetesRuntimeSettings settings) {
        this.settings = settings;
    }

    NetworkPolicy build(ObjectMeta metadata, BotLaunch launch) {
        List<NetworkPolicyPort> egressPorts = settings.egressPorts().stream().map(p -> port("TCP", p)).toList();
        List<NetworkPolicyIngressRule> ingress = launch.kind() == BotKind.REQUEST_DRIVEN ? List.of(fromKnative()) : List.of();
        return new NetworkPolicyBuilder()
                .withMetadata(metadata)
                .withNewSpec()
                    .withNewPodSelector().withMatchLabels(BotLabels.selector(launch.botId())).endPodSelector()
                    .withPolicyTypes("Ingress", "Egress")
                    .withIngress(ingress)
                    .addNewEgress().withPorts(port("UDP", 53), port("TCP", 53)).endEgress()
                    .addNewEgress()
                        .addNewTo()
                            .withNewIpBlock().withCidr(settings.egressCidr()).withExcept(settings.egressExcept()).endIpBlock()
                        .endTo()
                        .withPorts(egressPorts)
                    .endEgress()
                    .addNewEgress()
                        .addNewTo()
                            .withNewNamespaceSelector()
                                .withMatchLabels(Map.of("kubernetes.io/metadata.name", settings.reportTo().namespace()))
                            .endNamespaceSelector()
                            .withNewPodSelector().withMatchLabels(settings.reportTo().podLabels()).endPodSelector()
                        .endTo()
                        .withPorts(port("TCP", settings.reportTo().port()))
                    .endEgress()
                .endSpec()
                .build();
    }

    private static NetworkPolicyIngressRule fromKnative() {
        List<NetworkPolicyPort> ports = Stream.concat(Stream.of(BotKnativeService.PORT), QUEUE_PROXY_PORTS.stream())
                .map(p -> port("TCP", p)).toList();
        return new NetworkPolicyIngressRuleBuilder()
                .addNewFrom()
                    .withNewNamespaceSelector()
                        .withMatchLabels(Map.of("kubernetes.io/metadata.name", KNATIVE_SERVING_NAMESPACE))
                    .endNamespaceSelector()
                .endFrom()
                .withPorts(ports)
                .build();
    }

    private static NetworkPolicyPort port(String protocol, int port) {
        NetworkPolicyPort result = new NetworkPolicyPort();
        result.setProtocol(protocol);
        result.setPort(new IntOrString(port));
        return result;
    }
}
