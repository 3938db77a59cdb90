package io.knag.azure;

import com.microsoft.azure.functions.ExecutionContext;
import java.util.UUID;
import java.util.logging.Logger;

/** The invocation context the Functions worker passes with each call. */
record TestContext(String functionName, String invocationId) implements ExecutionContext {

    static TestContext of(String functionName) {
        return new TestContext(functionName, UUID.randomUUID().toString());
    }

    @Override
    public Logger getLogger() {
        return Logger.getLogger("Host.Function." + functionName);
    }

    @Override
    public String getInvocationId() {
        return invocationId;
    }

    @Override
    public String getFunctionName() {
        return functionName;
    }
}
