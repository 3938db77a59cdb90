package io.knag.runtime.kubernetes;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import java.util.List;
import java.util.UUID;

/**
 * A bot's NetworkPolicy: nothing may connect to it; it may resolve names (port 53, UDP and TCP) and open TCP
 * connections to the configured ports of public addresses only (by default 443 anywhere but the private,
 * link-local and cluster ranges). Plain NetworkPolicy knows addresses, not names: narrowing a bot to its
 * broker's host name needs an FQDN-aware CNI (Cilium {@code toFQDNs}, Calico DNS policy).
 */
final class BotNetworkPolicy {

    private final KubernetesRuntimeSettings settings;

    BotNetworkPolicy(KubernetesRuntimeSettings settings) {
        this.settings = settings;
    }

    NetworkPolicy build(ObjectMeta metadata, UUID botId) {
        List<NetworkPolicyPort> egressPorts = settings.egressPorts().stream().map(p -> port("TCP", p)).toList();
        return new NetworkPolicyBuilder()
                .withMetadata(metadata)
                .withNewSpec()
                    .withNewPodSelector().withMatchLabels(BotLabels.selector(botId)).endPodSelector()
                    .withPolicyTypes("Ingress", "Egress")
                    .addNewEgress().withPorts(port("UDP", 53), port("TCP", 53)).endEgress()
                    .addNewEgress()
                        .addNewTo()
                            .withNewIpBlock().withCidr(settings.egressCidr()).withExcept(settings.egressExcept()).endIpBlock()
                        .endTo()
                        .withPorts(egressPorts)
                    .endEgress()
                .endSpec()
                .build();
    }

    private static NetworkPolicyPort port(String protocol, int port) {
        NetworkPolicyPort result = new NetworkPolicyPort();
        result.setProtocol(protocol);
        result.setPort(new IntOrString(port));
        return result;
    }
}
