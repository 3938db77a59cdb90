package io.knag.kernel.architecture.example.internal;

import io.knag.kernel.architecture.example.application.ExampleStore;

/** The port's adapter: hidden inside its module. */
public final class MemoryExampleStore implements ExampleStore {

    @Override
    public String load(String id) {
        return id;
    }
}
