package io.knag.aws;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.knag.cloudevents.EventCodec;
import io.knag.cloudevents.EventRejected;
import io.knag.http.InMemoryHttp;
import io.knag.kernel.events.Event;
import io.knag.kernel.events.EventConsumer;
import io.knag.kernel.events.EventPublisher;
import io.knag.kernel.events.InProcessEventPublisher;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/**
 * The Lambda functions, which only translate: {@code httpApi} hands API Gateway requests to the /api/v1
 * routes; {@code platformEvents} hands EventBridge-delivered CloudEvents to this application's consumers (the bot
 * manager, and the vault and bots on a deleted user). With {@code knag.events.event-bridge.bus} set, the
 * platform's events go to that bus.
 */
@Configuration(proxyBeanMethods = false)
class LambdaFunctions {

    private static final Logger log = LoggerFactory.getLogger(LambdaFunctions.class);
    private static final Duration LONGEST = Duration.ofSeconds(25);

    @Bean
    Function<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> httpApi(InMemoryHttp http) {
        return event -> {
            InMemoryHttp.Request request = ApiGatewayMapping.request(event);
            if (request == null) {
                return ApiGatewayMapping.malformed();
            }
            InMemoryHttp.Response response;
            try {
                response = http.handle(request).block(LONGEST);
            } catch (IllegalStateException timedOut) {
                response = InMemoryHttp.problem(io.knag.kernel.ProblemType.SERVICE_BUSY, "The request took too long");
            }
            return ApiGatewayMapping.response(response);
        };
    }

    @Bean
    EventBridgeMapping eventBridgeMapping(EventCodec codec) {
        return new EventBridgeMapping(codec);
    }

    /** A rejected event fails the invocation with its reason (Lambda's error shape; EventBridge then dead-letters it). */
    @Bean
    Function<Map<String, Object>, String> platformEvents(EventBridgeMapping mapping, ObjectProvider<EventConsumer> consumers) {
        return eventBridgeEvent -> {
            Event event;
            try {
                event = mapping.read(eventBridgeEvent);
            } catch (EventRejected e) {
                log.warn("EventBridge event {} rejected: {}", eventBridgeEvent == null ? null : eventBridgeEvent.get("id"),
                        e.getMessage());
                throw e;
            }
            new InProcessEventPublisher(consumers.orderedStream().toList()).publish(event).block(LONGEST);
            return "accepted " + event.id();
        };
    }

    @Bean
    @ConditionalOnProperty(name = "knag.events.event-bridge.bus")
    EventPublisher eventBridgePublisher(Environment environment, EventBridgeMapping mapping) {
        var client = EventBridgeClient.builder()
                .httpClient(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.create());
        String endpoint = environment.getProperty("knag.events.event-bridge.endpoint");
        if (endpoint != null && !endpoint.isBlank()) {
            client.endpointOverride(URI.create(endpoint));
        }
        return new EventBridgeEventPublisher(client.build(), environment.getRequiredProperty("knag.events.event-bridge.bus"),
                mapping);
    }
}
