package io.knag.runtime.kubernetes;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where and how bots run on Kubernetes: the one {@code namespace} every bot object lives in, the user id
 * their processes run as (never 0), and their egress: TCP to {@code egressPorts} of {@code egressCidr}
 * except {@code egressExcept} (by default the private, link-local and cluster ranges), plus DNS.
 * {@code resync} is how often the watch re-reads its cache (0 = never). {@code reportTo} is where a bot sends its
 * reports (the pods behind {@code knag.bots.platform-url}), let through whatever the egress ranges say: by default
 * port 8080 of the pods labelled {@code app.kubernetes.io/name: knag-bots} in namespace {@code knag}.
 * {@code null} means the default.
 */
public record KubernetesRuntimeSettings(String namespace, Long runAsUser, String egressCidr, List<String> egressExcept,
                                        List<Integer> egressPorts, Duration resync, ReportTo reportTo) {

    public static final String DEFAULT_NAMESPACE = "knag-bots";
    public static final long DEFAULT_RUN_AS_USER = 10001;
    public static final List<String> PRIVATE_RANGES =
            List.of("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "169.254.0.0/16");

    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
    private static final Pattern CIDR = Pattern.compile("((?:\\d{1,3}\\.){3}\\d{1,3}|[0-9a-fA-F:]*:[0-9a-fA-F:]*)/(\\d{1,3})");

    public KubernetesRuntimeSettings {
        namespace = namespace == null ? DEFAULT_NAMESPACE : namespace.strip();
        runAsUser = runAsUser == null ? DEFAULT_RUN_AS_USER : runAsUser;
        egressCidr = egressCidr == null ? "0.0.0.0/0" : egressCidr.strip();
        egressExcept = egressExcept == null ? PRIVATE_RANGES : egressExcept.stream().map(String::strip).toList();
        egressPorts = egressPorts == null ? List.of(443) : List.copyOf(egressPorts);
        resync = resync == null ? Duration.ofMinutes(10) : resync;
        reportTo = reportTo == null ? ReportTo.DEFAULT : reportTo;
        require(DNS_LABEL.matcher(namespace).matches(), "namespace must be a DNS label");
        require(runAsUser > 0 && runAsUser <= Integer.MAX_VALUE, "runAsUser must be a non-root uid (1..2^31-1)");
        require(isCidr(egressCidr), "egressCidr must be a CIDR like 0.0.0.0/0");
        require(egressExcept.stream().allMatch(KubernetesRuntimeSettings::isCidr), "egressExcept must hold CIDRs");
        require(!egressPorts.isEmpty() && egressPorts.stream().allMatch(p -> p != null && p > 0 && p < 65536),
                "egressPorts must hold ports 1..65535");
        require(resync.isZero() || resync.compareTo(Duration.ofSeconds(1)) >= 0, "resync must be 0 or at least 1s");
    }

    /**
     * Namespace {@code knag-bots}, uid 10001, HTTPS to public addresses only, reports to the platform's bots pods,
     * resync every 10 minutes.
     */
    public static KubernetesRuntimeSettings defaults() {
        return new KubernetesRuntimeSettings(null, null, null, null, null, null, null);
    }

    public KubernetesRuntimeSettings withNamespace(String otherNamespace) {
        return new KubernetesRuntimeSettings(otherNamespace, runAsUser, egressCidr, egressExcept, egressPorts, resync,
                reportTo);
    }

    /**
     * The pods a bot reports to: those with {@code podLabels} in {@code namespace}, on {@code port}. On Knative, where
     * a scaled-to-zero service is reached through the ingress, name the ingress's pods here.
     */
    public record ReportTo(String namespace, Map<String, String> podLabels, Integer port) {

        static final ReportTo DEFAULT = new ReportTo(null, null, null);

        public ReportTo {
            namespace = namespace == null ? "knag" : namespace.strip();
            podLabels = podLabels == null || podLabels.isEmpty() ? Map.of("app.kubernetes.io/name", "knag-bots")
                    : Map.copyOf(podLabels);
            port = port == null ? 8080 : port;
            require(DNS_LABEL.matcher(namespace).matches(), "report-to.namespace must be a DNS label");
            require(port > 0 && port < 65536, "report-to.port must be 1..65535");
        }
    }

    private static boolean isCidr(String text) {
        var m = CIDR.matcher(text == null ? "" : text);
        if (!m.matches()) {
            return false;
        }
        String address = m.group(1);
        int prefix = Integer.parseInt(m.group(2));
        if (!address.contains(":")) {
            return prefix <= 32 && Arrays.stream(address.split("\\.")).allMatch(o -> Integer.parseInt(o) <= 255);
        }
        try {
            // A text with a colon is parsed as an IPv6 literal, never looked up.
            return prefix <= 128 && InetAddress.getByName(address).getAddress().length == 16;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException("knag.runtime.kubernetes: " + message);
        }
    }
}
