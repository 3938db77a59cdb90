package io.knag.bots.runtime;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A runtime this artifact carries, by the name {@code knag.bots.runtime} chooses it with ({@code local},
 * {@code kubernetes}). The choice is made when the platform starts, not when it is built: an artifact built
 * ahead of time (Spring AOT) carries every runtime it was packaged with, and the environment picks one.
 */
public record BotRuntimeOption(String name, Supplier<? extends BotRuntime> runtime) {

    public BotRuntimeOption {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(runtime, "runtime");
    }
}
