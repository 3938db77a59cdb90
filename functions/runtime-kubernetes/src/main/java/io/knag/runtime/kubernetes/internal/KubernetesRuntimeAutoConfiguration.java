package io.knag.runtime.kubernetes.internal;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.knag.bots.runtime.BotRuntimeOption;
import io.knag.runtime.kubernetes.KubernetesBotRuntime;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;

/**
 * Offers the Kubernetes runtime as {@code knag.bots.runtime=kubernetes}: bots run on the cluster the process
 * finds itself in (in-cluster service account, or {@code ~/.kube/config} / {@code KUBECONFIG} outside), through
 * one fabric8 client, made only when this runtime is chosen.
 */
@AutoConfiguration
@EnableConfigurationProperties(KubernetesRuntimeProperties.class)
public class KubernetesRuntimeAutoConfiguration {

    @Bean(destroyMethod = "close")
    @Lazy
    @ConditionalOnMissingBean
    KubernetesClient kubernetesClient() {
        return new KubernetesClientBuilder().build();
    }

    @Bean
    BotRuntimeOption kubernetesBotRuntimeOption(ObjectProvider<KubernetesClient> client,
                                                KubernetesRuntimeProperties properties) {
        return new BotRuntimeOption("kubernetes",
                () -> new KubernetesBotRuntime(client.getObject(), properties.settings()));
    }
}
