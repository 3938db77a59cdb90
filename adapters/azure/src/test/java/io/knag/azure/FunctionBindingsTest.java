package io.knag.azure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.HttpMethod;
import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.annotation.AuthorizationLevel;
import com.microsoft.azure.functions.annotation.EventGridTrigger;
import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.azure.functions.annotation.HttpTrigger;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Component;

/**
 * What the Functions host reads: the bindings the package step turns into function.json, the host.json beside
 * them, and that each function class is a Spring bean (the adapter hands the worker beans, not new instances).
 */
class FunctionBindingsTest {

    @Test
    void httpApiTakesEveryApiMethodOnEveryPathAsBytesWithoutAFunctionKey() throws Exception {
        var run = HttpApi.class.getMethod("run", HttpRequestMessage.class, ExecutionContext.class);
        HttpTrigger trigger = run.getParameters()[0].getAnnotation(HttpTrigger.class);

        assertThat(run.getAnnotation(FunctionName.class).value()).isEqualTo("httpApi");
        assertThat(trigger.route()).isEqualTo("{*path}");
        assertThat(trigger.dataType()).isEqualTo("binary");
        assertThat(trigger.authLevel()).isEqualTo(AuthorizationLevel.ANONYMOUS);
        assertThat(trigger.methods()).containsExactlyInAnyOrder(HttpMethod.GET, HttpMethod.POST, HttpMethod.PUT,
                HttpMethod.PATCH, HttpMethod.DELETE);
        assertThat(run.getGenericParameterTypes()[0].getTypeName()).isEqualTo(
                HttpRequestMessage.class.getName() + "<" + Optional.class.getName() + "<byte[]>>");
        assertThat(HttpApi.class).hasAnnotation(Component.class);
    }

    @Test
    void botEventsTakesOneEventGridEventAsJsonText() throws Exception {
        var run = BotEventsGrid.class.getMethod("run", String.class, ExecutionContext.class);

        assertThat(run.getAnnotation(FunctionName.class).value()).isEqualTo("platformEvents");
        assertThat(run.getParameters()[0].getAnnotation(EventGridTrigger.class).name()).isEqualTo("event");
        assertThat(BotEventsGrid.class).hasAnnotation(Component.class);
    }

    @Test
    void hostJsonServesTheApiPathsAsTheyAreAndLoadsTheEventGridExtension() throws Exception {
        var host = new ObjectMapper().readTree(Path.of("host.json").toFile());

        assertThat(host.get("version").asText()).isEqualTo("2.0");
        assertThat(host.at("/extensions/http/routePrefix").asText("missing")).isEmpty();
        assertThat(host.at("/extensionBundle/id").asText()).isEqualTo("Microsoft.Azure.Functions.ExtensionBundle");
    }
}
