package io.knag.kernel.architecture.outsider;

import io.knag.kernel.architecture.example.internal.MemoryExampleStore;

/** Breaks {@code INTERNALS_STAY_IN_THEIR_MODULE}: another module reaching into an internal adapter. */
public final class Outsider {

    public String use() {
        return new MemoryExampleStore().load("x");
    }
}
