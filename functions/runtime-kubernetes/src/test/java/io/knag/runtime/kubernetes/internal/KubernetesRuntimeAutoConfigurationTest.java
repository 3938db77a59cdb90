package io.knag.runtime.kubernetes.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.knag.bots.internal.BotRuntimeAutoConfiguration;
import io.knag.bots.runtime.BotRuntime;
import io.knag.runtime.kubernetes.KubernetesBotRuntime;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

@EnableKubernetesMockClient(crud = true)
class KubernetesRuntimeAutoConfigurationTest {

    static KubernetesClient client;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(KubernetesRuntimeAutoConfiguration.class,
                    BotRuntimeAutoConfiguration.class))
            .withBean(KubernetesClient.class, () -> client);

    @Test
    void theKubernetesRuntimeIsTheBotRuntimeOnlyWhenChosen() {
        runner.withPropertyValues("knag.bots.runtime=kubernetes")
                .run(context -> assertThat(context).getBean(BotRuntime.class).isInstanceOf(KubernetesBotRuntime.class));
        // Unset: the only runtime the artifact carries (knag-host-bots.jar carries only this one).
        runner.run(context -> assertThat(context).getBean(BotRuntime.class).isInstanceOf(KubernetesBotRuntime.class));
        // A runtime the artifact does not carry: the platform refuses to start and says why, rather than running
        // without bots.
        runner.withPropertyValues("knag.bots.runtime=local")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasStackTraceContaining("Property knag.bots.runtime with value 'local' is invalid: this artifact has no such runtime; it has kubernetes"));
        runner.withPropertyValues("knag.bots.runtime=docker")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasStackTraceContaining("Property knag.bots.runtime with value 'docker' is invalid: this artifact has no such runtime"));
    }

    @Test
    void theClientIsMadeOnlyForTheKubernetesRuntime() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(KubernetesRuntimeAutoConfiguration.class))
                .run(context -> {
                    assertThat(context).hasNotFailed().doesNotHaveBean(BotRuntime.class);
                    assertThat(context.getBeanFactory().containsSingleton("kubernetesClient")).isFalse();
                });
    }

    @Test
    void settingsAreBoundAndValidated() {
        runner.withPropertyValues("knag.bots.runtime=kubernetes", "knag.runtime.kubernetes.namespace=trading",
                        "knag.runtime.kubernetes.run-as-user=20000", "knag.runtime.kubernetes.egress-ports=443,8443")
                .run(context -> {
                    var settings = context.getBean(KubernetesRuntimeProperties.class).settings();
                    assertThat(settings.namespace()).isEqualTo("trading");
                    assertThat(settings.runAsUser()).isEqualTo(20000L);
                    assertThat(settings.egressPorts()).containsExactly(443, 8443);
                    assertThat(settings.egressExcept()).contains("10.0.0.0/8");
                });
        runner.withPropertyValues("knag.bots.runtime=kubernetes", "knag.runtime.kubernetes.run-as-user=0")
                .run(context -> assertThat(context).hasFailed());
    }
}
