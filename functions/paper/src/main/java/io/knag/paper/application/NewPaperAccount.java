package io.knag.paper.application;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A paper account just made: the only answer that carries its API secret, which is never shown again. */
public record NewPaperAccount(UUID id, String label, String apiKey, String apiSecret, List<String> permissions,
                              List<PaperAccountView.BalanceView> balances, Instant createdAt) {

    static NewPaperAccount of(PaperAccountView view, String apiSecret) {
        return new NewPaperAccount(view.id(), view.label(), view.apiKey(), apiSecret, view.permissions(), view.balances(),
                view.createdAt());
    }

    @Override
    public String toString() {
        return "NewPaperAccount[id=" + id + ", apiKey=" + apiKey + ", apiSecret=***]";
    }
}
