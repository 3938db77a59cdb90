package io.knag.kernel.auth;

import java.util.Objects;

/** A request made by a verified caller: what every function acting on "my" resources receives. */
public record Authenticated<T>(Caller caller, T request) {

    public Authenticated {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(request, "request");
    }
}
