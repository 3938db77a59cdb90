package io.knag.azure;

import io.knag.http.journey.AdapterBoundaries;
import org.junit.jupiter.api.Test;

/** DESIGN.md §1: the Azure functions call functions (through the shared routes and event consumers), nothing behind them. */
class ArchitectureTest {

    @Test
    void theAzureAdapterHoldsNoBusinessLogic() {
        AdapterBoundaries.check("io.knag.azure..", "io.knag.http..", "io.knag.cloudevents..");
    }
}
