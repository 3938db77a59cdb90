package io.knag.runtime.kubernetes.internal;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.knag.bots.runtime.BotRuntime;
import io.knag.runtime.kubernetes.KubernetesBotRuntime;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * With {@code knag.bots.runtime=kubernetes}: bots run on the cluster the process finds itself in (in-cluster
 * service account, or {@code ~/.kube/config} / {@code KUBECONFIG} outside), through one fabric8 client.
 */
@AutoConfiguration
@ConditionalOnProperty(name = "knag.bots.runtime", havingValue = "kubernetes")
@EnableConfigurationProperties(KubernetesRuntimeProperties.class)
public class KubernetesRuntimeAutoConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    KubernetesClient kubernetesClient() {
        return new KubernetesClientBuilder().build();
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean(BotRuntime.class)
    KubernetesBotRuntime kubernetesBotRuntime(KubernetesClient client, KubernetesRuntimeProperties properties) {
        return new KubernetesBotRuntime(client, properties.settings());
    }
}
