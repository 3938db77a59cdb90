package io.knag.runtime.kubernetes.internal;

import io.knag.runtime.kubernetes.KubernetesRuntimeSettings;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code knag.runtime.kubernetes.*}: the namespace bots run in, the uid they run as, and their egress
 * (HTTPS to public addresses by default, and {@code report-to.namespace}, {@code report-to.pod-labels},
 * {@code report-to.port}: the platform's pods that take their reports). Anything left out takes the default of {@link KubernetesRuntimeSettings}.
 */
@ConfigurationProperties("knag.runtime.kubernetes")
record KubernetesRuntimeProperties(String namespace, Long runAsUser, String egressCidr, List<String> egressExcept,
                                   List<Integer> egressPorts, Duration resync, KubernetesRuntimeSettings.ReportTo reportTo) {

    KubernetesRuntimeSettings settings() {
        return new KubernetesRuntimeSettings(namespace, runAsUser, egressCidr, egressExcept, egressPorts, resync, reportTo);
    }
}
