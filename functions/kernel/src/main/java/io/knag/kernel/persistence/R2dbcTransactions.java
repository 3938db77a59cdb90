package io.knag.kernel.persistence;

import io.knag.kernel.Transactions;
import java.util.function.Supplier;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/** {@link Transactions} over the R2DBC transaction manager. */
public final class R2dbcTransactions implements Transactions {

    private final TransactionalOperator operator;

    public R2dbcTransactions(TransactionalOperator operator) {
        this.operator = operator;
    }

    @Override
    public <T> Mono<T> inTransaction(Supplier<Mono<T>> work) {
        return operator.transactional(Mono.defer(work));
    }
}
