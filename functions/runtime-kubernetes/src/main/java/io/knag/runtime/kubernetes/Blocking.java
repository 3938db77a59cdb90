package io.knag.runtime.kubernetes;

import java.util.concurrent.Callable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** The fabric8 client blocks: every call to it runs on the bounded elastic scheduler, never on an event loop. */
final class Blocking {

    private Blocking() {
    }

    static <T> Mono<T> blocking(Callable<T> call) {
        return Mono.fromCallable(call).subscribeOn(Schedulers.boundedElastic());
    }
}
