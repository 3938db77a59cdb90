package io.knag.web.startup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class SettingsTest {

    @Test
    void aPropertyWithoutAVariableIsNamedInTheDocumentedVariableForm() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("application",
                Map.of("knag.bots.runtime", "local")));

        assertThat(Settings.variableOf(environment, "knag.bots.max-bots")).isEqualTo("KNAG_BOTS_MAX_BOTS");
        assertThat(Settings.variableOf(environment, "knag.bots.runtime")).isEqualTo("KNAG_BOTS_RUNTIME");
    }

    @Test
    void onlyThePlaceholderOfTheWinningSourceCounts() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("override", Map.of("server.port", "9000")));
        environment.getPropertySources().addLast(new MapPropertySource("application",
                Map.of("server.port", "${PORT:8080}")));

        assertThat(Settings.variableOf(environment, "server.port")).isEqualTo("SERVER_PORT");
    }

    @Test
    void secretsAreHiddenAndOtherValuesQuoted() {
        assertThat(Settings.shown("KNAG_DATABASE_PASSWORD", "pw")).isEqualTo("(hidden)");
        assertThat(Settings.shown("KNAG_IDENTITY_KEY_ENCRYPTION_KEY", "k")).isEqualTo("(hidden)");
        assertThat(Settings.shown("KNAG_TOKENS_SECRET", "s")).isEqualTo("(hidden)");
        assertThat(Settings.shown("KNAG_BOTS_MAX_BOTS", "abc")).isEqualTo("'abc'");
    }
}
