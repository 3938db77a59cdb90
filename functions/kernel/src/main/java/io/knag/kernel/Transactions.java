package io.knag.kernel;

import java.util.function.Supplier;
import reactor.core.publisher.Mono;

/** Runs work in one database transaction: all of its writes commit together or none do. */
public interface Transactions {

    <T> Mono<T> inTransaction(Supplier<Mono<T>> work);
}
