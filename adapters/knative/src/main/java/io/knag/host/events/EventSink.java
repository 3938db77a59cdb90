package io.knag.host.events;

import io.knag.cloudevents.EventProblems;
import io.knag.cloudevents.EventRejected;
import io.knag.cloudevents.EventNotSigned;
import io.knag.cloudevents.HttpBinding;
import io.knag.kernel.KnagException;
import io.knag.kernel.events.Event;
import io.knag.kernel.events.EventConsumer;
import io.knag.kernel.events.InProcessEventPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * {@code POST /events}: the CloudEvents sink a Knative Trigger delivers to (binary or structured mode). The
 * event goes to this host's consumers of its type (the bot manager, the vault and bots on a deleted user);
 * 202 once they handled it, 400 {@code event-rejected} for an unknown type, a missing attribute or malformed
 * data (a broker does not retry a 4xx: it goes to the dead-letter sink), 5xx when a consumer failed (the
 * broker retries; consumers dedupe on the event id). Not routed by the gateway: cluster-internal only.
 *
 * <p>Served only when events leave this process ({@code K_SINK} or {@code knag.events.sink} names a broker, as
 * in {@link EventsConfiguration}): the embedded default delivers in-process, so there nothing outside the
 * process can deliver an event (an unauthenticated {@code io.knag.user.deleted} to 127.0.0.1:8080 once erased
 * a live account's vault). Decided when the bean is made, not by a condition: the AOT build fixes conditions
 * where K_SINK is never set. There, an event must carry a valid signature of the deployment's key
 * ({@code KNAG_EVENTS_SIGNING_KEY}, {@link io.knag.cloudevents.EventSignatures}), or it is a 401
 * {@code event-not-signed}: the broker's Trigger is not the only thing in a cluster that can reach this port.
 */
@Configuration(proxyBeanMethods = false)
class EventSink {

    private static final Logger log = LoggerFactory.getLogger(EventSink.class);

    @Bean
    RouterFunction<ServerResponse> cloudEventsSink(Environment environment, HttpBinding http,
                                                   ObjectProvider<EventConsumer> consumers) {
        if (EventsConfiguration.sink(environment).isBlank()) {
            return request -> Mono.empty(); // no route: POST /events is a 404 like any unknown path
        }
        EventsConfiguration.requireSigning(http);
        return RouterFunctions.route()
                .POST("/events", request -> request.bodyToMono(byte[].class).defaultIfEmpty(new byte[0])
                        .map(body -> read(http, request, body))
                        .flatMap(event -> new InProcessEventPublisher(consumers.orderedStream().toList()).publish(event))
                        .then(ServerResponse.accepted().build()))
                .build();
    }

    private static Event read(HttpBinding http, ServerRequest request, byte[] body) {
        try {
            Event event = http.read(request.headers().asHttpHeaders(), body);
            log.info("event {} type={} subject={} received", event.id(), event.type(), event.subject());
            return event;
        } catch (EventNotSigned e) {
            log.warn("event {} refused: not signed with this deployment's key", request.headers().firstHeader("ce-id"));
            throw new KnagException(EventProblems.EVENT_NOT_SIGNED, "Sign events with KNAG_EVENTS_SIGNING_KEY");
        } catch (EventRejected e) {
            log.warn("event {} rejected: {}", request.headers().firstHeader("ce-id"), e.getMessage());
            throw new KnagException(EventProblems.EVENT_REJECTED, e.getMessage());
        }
    }
}
