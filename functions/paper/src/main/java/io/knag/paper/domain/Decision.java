package io.knag.paper.domain;

import java.util.List;

/** What placing an order does: it fills now, or it rests on the book holding back {@code reserve}. */
public sealed interface Decision {

    /** The balance changes the decision makes when it is recorded. */
    List<BalanceChange> changes();

    record Fills(Execution execution) implements Decision {

        @Override
        public List<BalanceChange> changes() {
            return execution.changes();
        }
    }

    record Rests(BalanceChange reserve) implements Decision {

        @Override
        public List<BalanceChange> changes() {
            return List.of(reserve);
        }
    }
}
