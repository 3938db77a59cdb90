package io.knag.aws;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The functions on AWS Lambda. The handler is Spring Cloud Function's generic
 * {@code org.springframework.cloud.function.adapter.aws.FunctionInvoker::handleRequest}; which function a
 * Lambda runs is configuration: {@code SPRING_CLOUD_FUNCTION_DEFINITION=httpApi} behind an API Gateway HTTP
 * API, {@code =platformEvents} as the target of the EventBridge rule for the bot events.
 */
@SpringBootApplication
public class KnagLambda {

    public static void main(String[] args) {
        SpringApplication.run(KnagLambda.class, args);
    }
}
