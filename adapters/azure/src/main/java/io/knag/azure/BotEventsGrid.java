package io.knag.azure;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.annotation.EventGridTrigger;
import com.microsoft.azure.functions.annotation.FunctionName;
import org.springframework.stereotype.Component;

/**
 * The platform's events as Event Grid delivers them (CloudEvents 1.0 schema, one event per invocation) to the
 * consumers in this Function App: the bot manager (start and stop requests), the vault and bots (a deleted user).
 * An event that cannot be accepted fails the invocation with the reason, never its data: Event Grid retries it,
 * then dead-letters it. A consumer's failure fails it too, and the redelivery is deduplicated on the event id.
 */
@Component
public class BotEventsGrid {

    private final LocalEventDelivery events;

    BotEventsGrid(LocalEventDelivery events) {
        this.events = events;
    }

    @FunctionName("platformEvents")
    public void run(@EventGridTrigger(name = "event") String event, ExecutionContext context) {
        events.deliver(event);
    }
}
