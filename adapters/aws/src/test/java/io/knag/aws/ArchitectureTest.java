package io.knag.aws;

import io.knag.http.journey.AdapterBoundaries;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    @Test
    void theLambdaAdapterHoldsNoBusinessLogic() {
        AdapterBoundaries.check("io.knag.aws..", "io.knag.http..", "io.knag.cloudevents..");
    }
}
