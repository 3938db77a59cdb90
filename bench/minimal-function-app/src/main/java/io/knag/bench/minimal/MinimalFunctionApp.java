package io.knag.bench.minimal;

import java.util.function.Supplier;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** One function over HTTP (GET /hello) and nothing else: the start-up floor for a Spring Cloud Function app. */
@SpringBootApplication
public class MinimalFunctionApp {

    public static void main(String[] args) {
        SpringApplication.run(MinimalFunctionApp.class, args);
    }

    @Bean
    Supplier<String> hello() {
        return () -> "hello";
    }
}
