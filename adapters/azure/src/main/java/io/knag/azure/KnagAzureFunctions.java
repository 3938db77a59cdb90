package io.knag.azure;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The Knag functions on Azure Functions. The Functions worker does not call {@link #main}: the Spring Cloud
 * Function adapter ({@code AzureFunctionInstanceInjector}) starts this application once per worker, found by
 * {@code MAIN_CLASS} or the jar's {@code Start-Class}, and hands the worker the {@link HttpApi} and
 * {@link BotEventsGrid} beans to invoke. Not a web application: no server, the routes run in memory.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class KnagAzureFunctions {

    /** Starts the context alone (no triggers): a quick check that the settings of a Function App are complete. */
    public static void main(String[] args) {
        SpringApplication.run(KnagAzureFunctions.class, args).close();
    }
}
