package io.knag.web.startup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import reactor.netty.DisposableServer;
import reactor.netty.tcp.TcpServer;

/**
 * Real applications that fail to start, each reported through spring.factories as the one line a person
 * reads: what is wrong, with the environment variable to change.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupFailureTest {

    @Test
    void aValueOfTheWrongTypeNamesTheVariableItCameFromAndWhatItMustBe(CapturedOutput output) {
        start(Map.of("KNAG_TEST_MAX_BOTS", "abc"), Map.of(), Settled.class);

        assertThat(reported(output)).containsExactly("knag: knag-test cannot start: KNAG_TEST_MAX_BOTS='abc' is not a"
                + " whole number; set KNAG_TEST_MAX_BOTS to a whole number, or unset it for the default");
    }

    @Test
    void aValueReadThroughAPlaceholderNamesThePlaceholdersVariable(CapturedOutput output) {
        start(Map.of("TEST_GRACE", "soon"), Map.of("knag.test.grace", "${TEST_GRACE:30s}"), Settled.class);

        assertThat(reported(output)).singleElement().asString()
                .startsWith("knag: knag-test cannot start: TEST_GRACE=")
                .endsWith("is not a duration such as 30s, 5m or 7d; set TEST_GRACE to a duration such as 30s, 5m or"
                        + " 7d, or unset it for the default");
    }

    @Test
    void aValueThatAComponentRefusesSaysWhy(CapturedOutput output) {
        start(Map.of("KNAG_TEST_RUNTIME", "container"), Map.of(), Refusing.class);

        assertThat(reported(output)).containsExactly("knag: knag-test cannot start: KNAG_TEST_RUNTIME='container': no"
                + " such runtime; set KNAG_TEST_RUNTIME to a value it accepts, or unset it for the default");
    }

    @Test
    void aSecretIsNeverRepeated(CapturedOutput output) {
        start(Map.of("KNAG_TEST_API_KEY", "s3cr3t-value"), Map.of(), RefusingKey.class);

        assertThat(output.getErr()).doesNotContain("s3cr3t-value");
        assertThat(reported(output)).singleElement().asString()
                .startsWith("knag: knag-test cannot start: KNAG_TEST_API_KEY=(hidden): too short");
    }

    @Test
    void aTakenServerPortNamesTheVariableThatMovesIt(CapturedOutput output) throws Exception {
        try (ServerSocket holder = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = holder.getLocalPort();
            start(Map.of("PORT", Integer.toString(port)), Map.of("server.port", "${PORT:8080}"), Binding.class);

            assertThat(reported(output)).containsExactly("knag: knag-test cannot start: port " + port
                    + " on 127.0.0.1 is already in use; stop what listens there (ss -ltnp 'sport = :" + port
                    + "' shows it) or set PORT to a free port");
        }
    }

    @Test
    void aTakenPortOfAnotherServerNamesItsOwnSetting(CapturedOutput output) {
        start(Map.of(), Map.of("knag.test.redirect-port", "${TEST_REDIRECT_PORT:8088}"), OtherServer.class);

        assertThat(reported(output)).containsExactly("knag: knag-test cannot start: port 8088 on 127.0.0.1 is already"
                + " in use; stop what listens there (ss -ltnp 'sport = :8088' shows it) or set TEST_REDIRECT_PORT to a"
                + " free port");
    }

    /** Starts an application that must fail, and returns nothing: the captured output is what is checked. */
    private static void start(Map<String, Object> variables, Map<String, Object> settings, Class<?> configuration) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        new HashMap<>(variables)));
        Map<String, Object> all = new HashMap<>(settings);
        all.put("spring.application.name", "knag-test");
        all.put("spring.main.banner-mode", "off");
        all.put("logging.level.org.springframework.boot.diagnostics.LoggingFailureAnalysisReporter", "off");
        all.put("logging.level.org.springframework.context.annotation.AnnotationConfigApplicationContext", "error");
        environment.getPropertySources().addLast(new MapPropertySource("application", all));
        SpringApplication application = new SpringApplication(configuration);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setEnvironment(environment);
        assertThatThrownBy(application::run).isInstanceOf(RuntimeException.class);
    }

    /** The reporter's lines, and nothing that looks like a stack trace. */
    private static List<String> reported(CapturedOutput output) {
        assertThat(output.getErr()).doesNotContain("\tat ");
        return output.getErr().lines().filter(line -> line.startsWith("knag:")).toList();
    }

    @ConfigurationProperties("knag.test")
    record Limits(@DefaultValue("5") int maxBots, @DefaultValue("30s") Duration grace) {
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(Limits.class)
    static class Settled {
    }

    @Configuration(proxyBeanMethods = false)
    static class Refusing {
        @Bean
        Object runtime(org.springframework.core.env.Environment environment) {
            throw new InvalidConfigurationPropertyValueException("knag.test.runtime",
                    environment.getProperty("knag.test.runtime"), "no such runtime");
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class RefusingKey {
        @Bean
        Object client(org.springframework.core.env.Environment environment) {
            throw new InvalidConfigurationPropertyValueException("knag.test.api-key",
                    environment.getProperty("knag.test.api-key"), "too short");
        }
    }

    /** Binds server.port as a web server would, with reactor-netty. */
    @Configuration(proxyBeanMethods = false)
    static class Binding {
        @Bean(destroyMethod = "disposeNow")
        DisposableServer server(org.springframework.core.env.Environment environment) {
            return TcpServer.create().host("127.0.0.1").port(environment.getProperty("server.port", Integer.class))
                    .bindNow();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OtherServer {
        @Bean
        Object redirect() {
            throw new PortInUse(8088, "127.0.0.1", "knag.test.redirect-port", new IllegalStateException("taken"));
        }
    }
}
