package io.knag.host;

import java.util.Comparator;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The function host: serves the Knag functions over HTTP at /api/v1 (Knative, or the embedded default).
 * {@code --knag.command=rotate-signing-key} rotates the token-signing key and exits.
 * {@code -Dknag.startup.trace=true} prints the slowest start-up steps (to find start-up work that can go).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class KnagHost {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(KnagHost.class);
        if (Boolean.getBoolean("knag.startup.trace")) {
            BufferingApplicationStartup startup = new BufferingApplicationStartup(20_000);
            application.setApplicationStartup(startup);
            application.run(args);
            startup.getBufferedTimeline().getEvents().stream()
                    .sorted(Comparator.comparing(event -> event.getDuration().negated()))
                    .limit(40)
                    .forEach(event -> System.out.printf("startup %5d ms %s %s%n", event.getDuration().toMillis(),
                            event.getStartupStep().getName(), tags(event.getStartupStep().getTags())));
            return;
        }
        application.run(args);
    }

    private static String tags(Iterable<org.springframework.core.metrics.StartupStep.Tag> tags) {
        StringBuilder text = new StringBuilder();
        tags.forEach(tag -> text.append(tag.getKey()).append('=').append(tag.getValue()).append(' '));
        return text.toString();
    }
}
