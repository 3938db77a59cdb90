package io.knag.http.journey;

import java.util.List;

/** How a hosting adapter is driven from outside, the way its platform would drive it. */
public interface Transport {

    /** One HTTP request as the platform hands it to the adapter (API Gateway, an HttpTrigger, plain HTTP). */
    Reply call(String method, String path, String bearer, String jsonBody);

    /**
     * Delivers the events the platform's functions emitted since the last call through this platform's event
     * bus (EventBridge, Event Grid, a Knative broker) back to the adapter; answers their types, in order.
     */
    List<String> deliverEvents();

    /** Makes the runtime report the bot's workload up (a cluster marking its Deployment available). */
    default void workloadIsUp(String botId) {
    }
}
