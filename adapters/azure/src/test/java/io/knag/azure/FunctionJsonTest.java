package io.knag.azure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.azure.functions.annotation.EventGridTrigger;
import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.azure.functions.annotation.HttpTrigger;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The staged function.json files say what the annotations of the function classes say. */
class FunctionJsonTest {

    final ObjectMapper json = new ObjectMapper();

    @Test
    void everyFunctionHasAFunctionJsonMatchingItsAnnotations() throws Exception {
        List<String> names = new ArrayList<>();
        for (Class<?> type : List.of(HttpApi.class, BotEventsGrid.class)) {
            for (Method method : type.getMethods()) {
                FunctionName name = method.getAnnotation(FunctionName.class);
                if (name == null) {
                    continue;
                }
                names.add(name.value());
                JsonNode descriptor = json.readTree(Files.readString(Path.of("src/main/azure", name.value(), "function.json")));
                assertThat(descriptor.path("entryPoint").asText()).isEqualTo(type.getName() + "." + method.getName());
                assertThat(descriptor.path("scriptFile").asText()).isEqualTo("../knag-azure-function.jar");
                JsonNode trigger = descriptor.path("bindings").get(0);
                HttpTrigger http = method.getParameters()[0].getAnnotation(HttpTrigger.class);
                EventGridTrigger grid = method.getParameters()[0].getAnnotation(EventGridTrigger.class);
                if (http != null) {
                    assertThat(trigger.path("type").asText()).isEqualTo("httpTrigger");
                    assertThat(trigger.path("name").asText()).isEqualTo(http.name());
                    assertThat(trigger.path("route").asText()).isEqualTo(http.route());
                    assertThat(trigger.path("dataType").asText()).isEqualTo(http.dataType());
                    assertThat(trigger.path("authLevel").asText()).isEqualTo(http.authLevel().name());
                    List<String> methods = new ArrayList<>();
                    trigger.path("methods").forEach(m -> methods.add(m.asText()));
                    assertThat(methods).isEqualTo(Arrays.stream(http.methods()).map(Enum::name).toList());
                    assertThat(descriptor.path("bindings").get(1).path("type").asText()).isEqualTo("http");
                } else {
                    assertThat(grid).isNotNull();
                    assertThat(trigger.path("type").asText()).isEqualTo("eventGridTrigger");
                    assertThat(trigger.path("name").asText()).isEqualTo(grid.name());
                }
                assertThat(trigger.path("direction").asText()).isEqualTo("in");
            }
        }
        try (var dirs = Files.list(Path.of("src/main/azure"))) {
            assertThat(dirs.map(dir -> dir.getFileName().toString())).containsExactlyInAnyOrderElementsOf(names);
        }
    }
}
