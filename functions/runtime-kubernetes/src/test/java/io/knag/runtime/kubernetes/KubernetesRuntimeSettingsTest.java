package io.knag.runtime.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KubernetesRuntimeSettingsTest {

    @Test
    void defaultsRunBotsAsUser10001InKnagBotsWithPublicHttpsOnly() {
        var settings = KubernetesRuntimeSettings.defaults();

        assertThat(settings.namespace()).isEqualTo("knag-bots");
        assertThat(settings.runAsUser()).isEqualTo(10001L);
        assertThat(settings.egressCidr()).isEqualTo("0.0.0.0/0");
        assertThat(settings.egressExcept()).containsExactly("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "169.254.0.0/16");
        assertThat(settings.egressPorts()).containsExactly(443);
        assertThat(settings.resync()).isEqualTo(Duration.ofMinutes(10));
        assertThat(settings.reportTo()).isEqualTo(new KubernetesRuntimeSettings.ReportTo("knag",
                Map.of("app.kubernetes.io/name", "knag-bots"), 8080));
    }

    @Test
    void theReportPeerIsConfigurableAndABadOneIsRefused() {
        var ingress = new KubernetesRuntimeSettings.ReportTo("kourier-system", Map.of("app", "3scale-kourier-gateway"), 8081);
        assertThat(new KubernetesRuntimeSettings(null, null, null, null, null, null, ingress).reportTo()).isEqualTo(ingress);
        assertThatIllegalArgumentException().isThrownBy(() -> new KubernetesRuntimeSettings.ReportTo("Knag", null, null));
        assertThatIllegalArgumentException().isThrownBy(() -> new KubernetesRuntimeSettings.ReportTo(null, null, 70000));
    }

    @Test
    void rootOrABadNamespaceOrABadRangeIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new KubernetesRuntimeSettings(null, 0L, null, null, null, null, null));
        assertThatIllegalArgumentException().isThrownBy(() -> new KubernetesRuntimeSettings("Knag_Bots", null, null, null, null, null, null));
        assertThatIllegalArgumentException().isThrownBy(() -> new KubernetesRuntimeSettings(null, null, "0.0.0.0/33", null, null, null, null));
        assertThatIllegalArgumentException().isThrownBy(() -> new KubernetesRuntimeSettings(null, null, "999.1.1.1/8", null, null, null, null));
        assertThatIllegalArgumentException().isThrownBy(() -> new KubernetesRuntimeSettings(null, null, null, List.of("broker.example.com/32"), null, null, null));
        assertThatIllegalArgumentException().isThrownBy(() -> new KubernetesRuntimeSettings(null, null, null, null, List.of(0), null, null));
        assertThatIllegalArgumentException().isThrownBy(() -> new KubernetesRuntimeSettings(null, null, null, null, null, Duration.ofMillis(10), null));
    }

    @Test
    void ipv6RangesAndOtherPortsAreAccepted() {
        var settings = new KubernetesRuntimeSettings("bots", 2000L, "::/0", List.of("fc00::/7", "fe80::/10"), List.of(443, 8443), Duration.ZERO, null);

        assertThat(settings.egressExcept()).containsExactly("fc00::/7", "fe80::/10");
        assertThat(settings.egressPorts()).containsExactly(443, 8443);
    }
}
