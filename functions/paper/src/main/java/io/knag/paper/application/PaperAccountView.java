package io.knag.paper.application;

import io.knag.paper.domain.Balance;
import io.knag.paper.domain.PaperAccount;
import io.knag.paper.domain.Permission;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A paper account as its owner sees it: never the API secret. */
public record PaperAccountView(UUID id, String label, String apiKey, List<String> permissions, List<BalanceView> balances,
                               Instant createdAt) {

    public record BalanceView(String asset, String free, String locked) {

        static BalanceView of(Balance balance) {
            return new BalanceView(balance.asset(), balance.free().toPlainString(), balance.locked().toPlainString());
        }
    }

    static PaperAccountView of(PaperAccount account, List<Balance> balances) {
        return new PaperAccountView(account.id(), account.label(), account.apiKey(),
                account.permissions().stream().sorted().map(Permission::id).toList(),
                balances.stream().map(BalanceView::of).toList(), account.createdAt());
    }
}
